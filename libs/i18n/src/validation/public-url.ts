import { BlockList, isIP } from 'node:net';

// Addresses that are not on the public internet: loopback, private, link-local, carrier-grade
// NAT, multicast, reserved. (BlockList also checks IPv4 against IPv6 rules as ::ffff:a.b.c.d, so
// mapped addresses are refused by prefix below rather than by a ::ffff:0:0/96 rule, which would
// block every IPv4 address.)
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/**
 * An http(s) URL that names a public host and carries no user name or password. Kalam stores such
 * URLs for front-ends to load and never fetches them; refusing credentials and internal addresses
 * keeps them from leaking secrets or pointing readers' browsers at their own network. Host names
 * are not resolved (no DNS at write time); numeric forms such as 2130706433 or 0x7f.1 are, because
 * the URL parser turns them into addresses.
 */
export function isPublicHttpUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (!host || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  // IPv4 mapped into IPv6 could smuggle any internal address.
  if (host.startsWith('::ffff:')) return false;
  const family = isIP(host);
  return !family || !PRIVATE.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
