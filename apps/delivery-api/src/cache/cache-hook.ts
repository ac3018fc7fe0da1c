import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { ResponseCache } from './response-cache';

/** Where the request keeps the cache generation it started in (see ResponseCache.ticket). */
export const CACHE_TICKET = Symbol('kalam.cacheTicket');

/** True when If-None-Match names the validator (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Preview answers are per person and never cached or served from the cache. */
export function isPreviewRequest(raw: IncomingMessage): boolean {
  return raw.headers.authorization !== undefined || (raw.url ?? '').includes('preview=');
}

/**
 * Answers cache hits from Fastify's first onRequest hook, before routing, Nest's pipeline and
 * every other hook: a hit costs a map lookup and one write. Misses carry on to the controllers,
 * which fill the cache.
 */
export function installCacheHook(fastify: FastifyInstance, cache: ResponseCache): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const { raw } = request;
    if ((raw.method !== 'GET' && raw.method !== 'HEAD') || !raw.url?.startsWith('/v1/') || isPreviewRequest(raw)) return done();
    const hit = cache.get(raw.url);
    if (!hit) {
      (request as unknown as Record<symbol, number>)[CACHE_TICKET] = cache.ticket();
      return done();
    }
    void reply.hijack();
    const res = reply.raw;
    if (hit.status === 200 && matchesEtag(raw.headers['if-none-match'], hit.etag)) {
      res.writeHead(304, { etag: hit.etag, 'cache-control': hit.headers['cache-control'] });
      res.end();
      return;
    }
    res.writeHead(hit.status, hit.headers);
    res.end(raw.method === 'HEAD' ? undefined : hit.body);
  });
}
