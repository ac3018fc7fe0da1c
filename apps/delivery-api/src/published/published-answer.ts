import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { deliveryConfig, strongEtag, type DeliveryConfig } from '@kalam/delivery';
import { ResponseCache, type CachedAnswer } from '../cache/response-cache';
import { CACHE_TICKET, isPreviewRequest, writeAnswer } from '../cache/cache-hook';

export interface Answer {
  body: string | Buffer;
  contentType: string;
  /** Stored with the document; computed from the bytes otherwise. */
  etag?: string;
  /** Names a CDN can purge by: article:<id>, author:<id>, tag:<id>, locale:<code>. */
  surrogateKeys: string[];
  /** Locales whose changes make this answer stale ('*': any). */
  locales: readonly string[];
  contentLanguage?: string;
  status?: number;
  headers?: Record<string, string>;
}

/**
 * Sends a published answer with its validators and caching headers, answers 304 when the client
 * has it, and keeps it for the next request (the cache hook serves it from then on, before Nest).
 */
@Injectable()
export class PublishedAnswer {
  readonly cacheControl: string;

  constructor(
    @Inject(deliveryConfig.KEY) config: DeliveryConfig,
    private readonly cache: ResponseCache,
  ) {
    this.cacheControl = `public, max-age=${config.maxAge}, s-maxage=${config.sharedMaxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`;
  }

  /** The answer as it goes out and as the cache keeps it. */
  prepare(answer: Answer): CachedAnswer {
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    const etag = answer.etag ?? strongEtag(body.toString('latin1'));
    const headers: Record<string, string> = {
      'content-type': answer.contentType,
      'content-length': String(body.length),
      etag,
      'cache-control': this.cacheControl,
      'surrogate-key': [...new Set(answer.surrogateKeys)].join(' '),
      ...(answer.contentLanguage ? { 'content-language': answer.contentLanguage } : {}),
      ...answer.headers,
    };
    return { status: answer.status ?? 200, headers, body, etag, locales: answer.locales };
  }

  send(request: FastifyRequest, reply: FastifyReply, answer: Answer): void {
    const prepared = this.prepare(answer);
    const ticket = (request as unknown as Record<symbol, number | undefined>)[CACHE_TICKET];
    if (ticket !== undefined && !isPreviewRequest(request.raw)) this.cache.set(request.url, prepared, ticket);
    void reply.hijack();
    writeAnswer(request.raw, reply.raw, prepared);
  }

  /** A 301 to where the content lives now, cacheable like the content. */
  redirect(request: FastifyRequest, reply: FastifyReply, location: string, locales: readonly string[], surrogateKeys: string[]): void {
    this.send(request, reply, {
      status: 301,
      body: '',
      contentType: 'text/plain; charset=utf-8',
      surrogateKeys,
      locales,
      headers: { location },
    });
  }
}
