import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedAnswer, ResponseCache } from './response-cache';

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

/** Writes a prepared answer straight to the socket: 304 when the client holds it, headers only for HEAD. */
export function writeAnswer(raw: IncomingMessage, res: ServerResponse, answer: CachedAnswer): void {
  if (answer.status === 200 && matchesEtag(raw.headers['if-none-match'], answer.etag)) {
    res.writeHead(304, { etag: answer.etag, 'cache-control': answer.headers['cache-control'] });
    res.end();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(raw.method === 'HEAD' ? undefined : answer.body);
}

/** A miss the hook can answer itself (the article read, one prepared statement), or undefined to let the controllers answer. */
export type FastRead = (raw: IncomingMessage, ticket: number) => Promise<CachedAnswer | undefined>;

/**
 * Answers cache hits from Fastify's first onRequest hook, before routing, Nest's pipeline and
 * every other hook: a hit costs a map lookup and one write. Misses carry on to the controllers,
 * which fill the cache.
 */
export function installCacheHook(fastify: FastifyInstance, cache: ResponseCache, fastRead: FastRead): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const { raw } = request;
    if ((raw.method !== 'GET' && raw.method !== 'HEAD') || !raw.url?.startsWith('/v1/') || isPreviewRequest(raw)) return done();
    const hit = cache.get(raw.url);
    if (hit) {
      void reply.hijack();
      return writeAnswer(raw, reply.raw, hit);
    }
    const ticket = cache.ticket();
    (request as unknown as Record<symbol, number>)[CACHE_TICKET] = ticket;
    fastRead(raw, ticket).then(
      (answer) => {
        if (!answer) return done();
        void reply.hijack();
        writeAnswer(raw, reply.raw, answer);
      },
      (error: Error) => done(error),
    );
  });
}
