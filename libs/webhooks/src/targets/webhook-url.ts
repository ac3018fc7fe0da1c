import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { KalamError } from '@kalam/core';

const MAX_URL_LENGTH = 2000;

/** Only ordinary public unicast addresses are targets: not loopback, private, link-local (cloud metadata), CGNAT, multicast or reserved. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as what it reaches.
  const parsed = ipaddr.process(address);
  // The deprecated IPv4-compatible form (::127.0.0.1, ::/96) is "unicast" to ipaddr.js; some stacks route it to IPv4.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return false;
  return parsed.range() === 'unicast';
}

/** The bracket-free host of a URL (`[::1]` → `::1`). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function invalid(): KalamError {
  return KalamError.badRequest('request.validation_failed', { count: 1 }, [
    { field: 'url', code: 'errors.webhook.url_invalid', params: { max: MAX_URL_LENGTH } },
  ]);
}

/** The URL as Kalam will call it, or 400: an absolute http(s) URL, no credentials in it (they belong in a custom header), not too long. */
export function parseWebhookUrl(value: string): URL {
  if (value.length > MAX_URL_LENGTH) throw invalid();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid();
  if (url.username || url.password) throw invalid();
  if (!url.hostname) throw invalid();
  url.hash = '';
  return url;
}

/**
 * Refuses a URL whose host is, or resolves to, an address that is not public, unless private
 * targets are allowed. Checked when a webhook is saved, and again at each connection (a name can
 * be re-pointed after it was saved), see `publicOnlyLookup`.
 */
export async function assertAllowedTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dnsLookupAsync(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'url', code: 'errors.webhook.url_unresolvable', params: { host } }]);
    }
  }
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused) {
    throw KalamError.badRequest('request.validation_failed', { count: 1 }, [
      { field: 'url', code: 'errors.webhook.url_private', params: { host, address: refused } },
    ]);
  }
}

/** Raised at connection time when a target resolves to an address that is not allowed. */
export class TargetNotAllowedError extends Error {
  readonly code = 'ETARGETNOTALLOWED';
}

/** The address check for a URL whose host is an IP literal (Node does not call `lookup` for those). */
export function assertLiteralAllowed(url: URL, allowPrivate: boolean): void {
  const host = hostOf(url);
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) throw new TargetNotAllowedError(`${host} is not a public address`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that resolves as usual but fails on any address that is not public. */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, entries) => {
    if (error) return callback(error, []);
    const refused = entries.find((entry) => !isPublicAddress(entry.address));
    if (refused || !entries.length)
      return callback(new TargetNotAllowedError(`${hostname} resolves to ${refused?.address ?? 'nothing'}, which is not public`), []);
    if (options.all) return callback(null, entries);
    callback(null, entries[0].address, entries[0].family);
  });
}
