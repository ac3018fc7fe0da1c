import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { LocaleDirectory } from '@kalam/delivery';
import type { CachedAnswer } from '../cache/response-cache';
import { ResponseCache } from '../cache/response-cache';
import { PublishedAnswer } from '../published/published-answer';

// Only the plain form: no query string (fallback, preview) and a slug that needs no decoding.
const PLAIN_ARTICLE = /^\/v1\/([a-z]{2,3}(?:-[A-Z][A-Za-z]{1,3})?)\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * The hot read, answered from the first hook: a published article by its current slug is one
 * named (prepared once per connection) statement on the pool and the stored bytes. Anything else
 * (a locale not enabled, an old slug, nothing there, query parameters) returns undefined and the
 * controller answers it with the full rules.
 */
@Injectable()
export class ArticleFastRead {
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly locales: LocaleDirectory,
    private readonly answer: PublishedAnswer,
    private readonly cache: ResponseCache,
  ) {
    // TypeORM's pool itself (PostgresDriver.master): no second pool, no TypeORM per-query overhead.
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  readonly read = async (raw: IncomingMessage, ticket: number): Promise<CachedAnswer | undefined> => {
    const match = PLAIN_ARTICLE.exec(raw.url ?? '');
    if (!match) return undefined;
    const [, locale, slug] = match;
    if (!(await this.locales.all()).locales.has(locale)) return undefined;
    const { rows } = await this.pool.query<{ document: string; etag: string; surrogate_keys: string }>({
      name: 'kalam_published_by_slug',
      text: 'SELECT document, etag, surrogate_keys FROM published_document WHERE locale = $1 AND slug = $2',
      values: [locale, slug],
    });
    const row = rows[0];
    if (!row) return undefined;
    const prepared = this.answer.prepare({
      body: row.document,
      etag: row.etag,
      contentType: 'application/json; charset=utf-8',
      surrogateKeys: [row.surrogate_keys],
      locales: [locale],
      contentLanguage: locale,
    });
    this.cache.set(raw.url!, prepared, ticket);
    return prepared;
  };
}
