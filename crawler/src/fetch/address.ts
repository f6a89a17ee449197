/**
 * Which network addresses a crawl may connect to. A government portal is on the public Internet: an
 * answer (a DNS record, a redirect to an IP literal) pointing at a private, loopback, link-local or
 * unique-local address would make the crawler probe the operator's own network (cloud metadata at
 * 169.254.169.254, a router at 10.0.0.1), so it is refused before connecting — unless the user named
 * that host (`--resolve`, an IP-literal seed). The check runs on the address actually connected to:
 * `guardedLookup` is the socket's DNS lookup, so there is no second resolution to race against.
 */
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.168.0.0', 16], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

/**
 * Whether an IP address is not a public unicast address: 0/8, 10/8, 100.64/10 (shared), 127/8,
 * 169.254/16, 172.16/12, 192.168/16, multicast and reserved IPv4; ::, ::1, fc00::/7, fe80::/10 and
 * multicast IPv6 (IPv4-mapped IPv6 is judged as its IPv4 address). A non-address is not private.
 */
export function isPrivateAddress(ip: string): boolean {
  const a = ip.replace(/^\[|\]$/g, '');
  const v = isIP(a);
  if (v === 0) return false;
  return PRIVATE.check(a, v === 4 ? 'ipv4' : 'ipv6');
}

/** The socket error for a refused address (`code` EPRIVATEADDR). */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDR';
  constructor(readonly hostname: string, readonly address: string) {
    super(`${hostname} is at ${address}, a private/loopback/link-local address: not connecting (use --resolve ${hostname}=… if you mean it)`);
    this.name = 'PrivateAddressError';
  }
}

/** A DNS lookup for sockets that fails with PrivateAddressError when any address of the host is private. */
export function guardedLookup(privateOk: (hostname: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const bad = privateOk(hostname) ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new PrivateAddressError(hostname, bad.address) as unknown as NodeJS.ErrnoException, '', 0);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
