/**
 * Which addresses a crawl may connect to (crawler/src/fetch/address.ts): every special-purpose block
 * that is not public unicast is refused, in each of the forms an address can be written in, and an
 * IPv6 address that carries an IPv4 address (mapped, translated, NAT64, 6to4) is judged as that
 * IPv4 address. Public addresses on either side of each block stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../crawler/src/fetch/address.js';

const refused = (list: string[]) => list.filter((a) => !isPrivateAddress(a));
const allowed = (list: string[]) => list.filter((a) => isPrivateAddress(a));

describe('IPv4', () => {
  it.each([
    ['0.0.0.0/8 (this network)', ['0.0.0.0', '0.1.2.3', '0.255.255.255'], ['1.0.0.1']],
    ['10.0.0.0/8', ['10.0.0.1', '10.255.255.255'], ['9.255.255.255', '11.0.0.0']],
    ['100.64.0.0/10 (shared, CGNAT)', ['100.64.0.1', '100.127.255.254'], ['100.63.255.255', '100.128.0.0']],
    ['127.0.0.0/8', ['127.0.0.1', '127.8.9.10'], ['128.0.0.1']],
    ['169.254.0.0/16 (link-local, cloud metadata)', ['169.254.169.254', '169.254.0.1'], ['169.253.255.255', '169.255.0.1']],
    ['172.16.0.0/12', ['172.16.5.4', '172.31.255.255'], ['172.15.255.255', '172.32.0.1']],
    ['192.0.0.0/24 (IETF protocol assignments)', ['192.0.0.1', '192.0.0.170'], ['192.0.1.1']],
    ['192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (documentation)', ['192.0.2.1', '198.51.100.7', '203.0.113.9'], ['192.0.3.1', '198.51.101.1', '203.0.114.1']],
    ['192.168.0.0/16', ['192.168.1.1'], ['192.169.0.1', '192.167.255.255']],
    ['198.18.0.0/15 (benchmarking)', ['198.18.0.1', '198.19.255.255'], ['198.17.255.255', '198.20.0.1']],
    ['224.0.0.0/4 (multicast)', ['224.0.0.1', '239.255.255.250'], ['223.255.255.255']],
    ['240.0.0.0/4 (reserved, broadcast)', ['240.0.0.1', '255.255.255.255'], []],
  ])('%s', (_name, inside, outside) => {
    expect(refused(inside)).toEqual([]);
    expect(allowed(outside)).toEqual([]);
  });
  it('allows public addresses', () => {
    expect(allowed(['8.8.8.8', '59.52.1.1', '114.114.114.114', '1.1.1.1', '223.5.5.5'])).toEqual([]);
  });
});

describe('IPv6', () => {
  it.each([
    [':: and ::1', ['::', '::1', '0:0:0:0:0:0:0:1', '[::1]'], []],
    ['IPv4-compatible ::a.b.c.d (deprecated, ::/96)', ['::a9fe:a9fe', '::169.254.169.254', '::8.8.8.8', '::a00:1'], []],
    ['IPv4-mapped ::ffff:a.b.c.d, judged as IPv4', ['::ffff:10.0.0.1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '0:0:0:0:0:ffff:a00:1', '::FFFF:169.254.169.254'], ['::ffff:8.8.8.8', '::ffff:808:808']],
    ['IPv4-translated ::ffff:0:a.b.c.d, judged as IPv4', ['::ffff:0:a00:1', '::ffff:0:169.254.169.254'], ['::ffff:0:808:808']],
    ['NAT64 64:ff9b::/96, judged as IPv4', ['64:ff9b::a9fe:a9fe', '64:ff9b::10.0.0.1', '64:ff9b::127.0.0.1', '64:ff9b::c612:1'], ['64:ff9b::808:808', '64:ff9b::59.52.1.1']],
    ['local-use NAT64 64:ff9b:1::/48', ['64:ff9b:1::a9fe:a9fe', '64:ff9b:1::808:808'], []],
    ['6to4 2002::/16, judged as its IPv4', ['2002:a00:1::1', '2002:a9fe:a9fe::', '2002:7f00:1::1'], ['2002:808:808::1']],
    ['Teredo and other IETF assignments 2001::/23', ['2001::1', '2001:0:4136:e378::1'], []],
    ['documentation 2001:db8::/32, 3fff::/20', ['2001:db8::1', '3fff::1'], []],
    ['unique-local fc00::/7', ['fc00::1', 'fd12:3456::1'], ['fbff::1']],
    ['link-local fe80::/10 (also with a zone)', ['fe80::1', 'febf::1', 'fe80::1%eth0'], ['fe7f::1']],
    ['site-local fec0::/10 (deprecated)', ['fec0::1'], []],
    ['multicast ff00::/8', ['ff02::1', 'ff05::1:3'], []],
  ])('%s', (_name, inside, outside) => {
    expect(refused(inside)).toEqual([]);
    expect(allowed(outside)).toEqual([]);
  });
  it('allows public addresses', () => {
    expect(allowed(['2400:3200::1', '2001:4860:4860::8888', '240e::1', '2a00:1450::1'])).toEqual([]);
  });
  it('does not judge what is not an address', () => {
    expect(allowed(['www.gov.cn', '', '1.2.3', 'fe80::zz'])).toEqual([]);
  });
});
