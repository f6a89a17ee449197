/**
 * Which network addresses a crawl may connect to. A government portal is on the public Internet: an
 * answer (a DNS record, a redirect to an IP literal) pointing at a private, loopback, link-local,
 * unique-local or otherwise reserved address would make the crawler probe the operator's own network (cloud metadata at
 * 169.254.169.254, a router at 10.0.0.1), so it is refused before connecting — unless the user named
 * that host (`--resolve`, an IP-literal seed). The check runs on the address actually connected to:
 * `guardedLookup` is the socket's DNS lookup, so there is no second resolution to race against.
 */
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** IPv4 blocks that are not public unicast (IANA special-purpose registry, RFC 6890 and successors). */
const V4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) V4.addSubnet(net, bits, 'ipv4');

/** IPv6 blocks that are not public unicast (those that embed an IPv4 address are judged by it, below). */
const V6 = new BlockList();
for (const [net, bits] of [
  ['::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['3fff::', 20], ['5f00::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) V6.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (zone id dropped, a trailing dotted quad read), or null. */
function groups(a: string): number[] | null {
  let s = a.replace(/%.*$/, '');
  const quad = s.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (quad) {
    const b = quad.slice(1).map(Number);
    s = `${s.slice(0, quad.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') as [string, string] : [s, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : Array<string>(8 - h.length - t.length).fill('0');
  const all = [...h, ...fill, ...t].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((g) => g >= 0 && g <= 0xffff) ? all : null;
}

/**
 * The IPv4 address an IPv6 address stands for, or null: IPv4-mapped ::ffff:a.b.c.d, IPv4-translated
 * ::ffff:0:a.b.c.d, NAT64 64:ff9b::a.b.c.d (RFC 6052; a DNS64 resolver gives every IPv4-only host such
 * an address, so it is judged by the IPv4 address, not refused as a whole) and 6to4 2002:AABB:CCDD::.
 */
function embeddedV4(g: number[]): string | null {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4(g[6]!, g[7]!);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

/**
 * Whether an IP address is not a public unicast address. IPv4: 0/8, 10/8, 100.64/10 (shared, CGNAT),
 * 127/8, 169.254/16, 172.16/12, 192.0.0/24, the documentation nets 192.0.2/24, 198.51.100/24 and
 * 203.0.113/24, 192.88.99/24, 192.168/16, 198.18/15 (benchmarking), multicast 224/4 and reserved 240/4.
 * IPv6: ::/96 (unspecified, loopback, IPv4-compatible ::a.b.c.d), 64:ff9b:1::/48, 100::/64, 2001::/23
 * (Teredo among them), documentation 2001:db8::/32 and 3fff::/20, 5f00::/16, fc00::/7, fe80::/10,
 * fec0::/10, multicast ff00::/8; an address that embeds an IPv4 address (::ffff:a.b.c.d,
 * ::ffff:0:a.b.c.d, 64:ff9b::a.b.c.d, 2002::/16) is judged as that IPv4 address. A non-address is not private.
 */
export function isPrivateAddress(ip: string): boolean {
  const a = ip.replace(/^\[|\]$/g, '');
  const v = isIP(a);
  if (v === 4) return V4.check(a, 'ipv4');
  if (v === 0) return false;
  const g = groups(a);
  if (!g) return true; // an address isIP accepts but we cannot read: not connected to
  const inner = embeddedV4(g);
  if (inner) return V4.check(inner, 'ipv4');
  return V6.check(g.map((x) => x.toString(16)).join(':'), 'ipv6');
}

/**
 * The socket error for a refused address (`code` EPRIVATEADDR). `resolveHint` is the `--resolve` value
 * that would permit it (`host=address:port`), when the port is known.
 */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDR';
  constructor(readonly hostname: string, readonly address: string, resolveHint?: string) {
    const where = hostname === address ? `${address} is` : `${hostname} is at ${address},`;
    super(`${where} a private, loopback, link-local or reserved address: not connecting (a host is reached at such an address only where --resolve names it: --resolve ${resolveHint ?? `${hostname}=…`} if you mean it)`);
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
