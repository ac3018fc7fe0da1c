import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { searchForm } from '@kalam/i18n';

/** A stored answer: the bytes to send, their validator, and what a CDN may purge it by. */
export interface StoredDocument {
  articleId: string;
  locale: string;
  slug: string;
  document: string;
  etag: string;
  authorIds: string[];
  tagIds: string[];
}

export interface CardPage {
  cards: string[];
  total: number;
}

export interface SearchHit {
  card: string;
  rank: number;
  snippet: string;
}

// Markers ts_headline puts around matches; no text contains them (control characters are refused on write).
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

// Where the stemmer leaves suffixes on (Turkish: "ekonomi" stems to "ekono", "ekonomiler" to
// "ekonomi"; 'simple' does not stem at all), each word of four letters or more also matches as a
// prefix. Shorter ones stay exact: "su" (water) as a prefix would match most of the language.
const PREFIX_CONFIGS = new Set(['turkish', 'simple']);
// Web-search syntax ("phrases", or, -not) read in the locale's configuration; $4 turns each word into a prefix.
const QUERY_CTE = `q AS (
  SELECT CASE WHEN $4 THEN regexp_replace(websearch_to_tsquery($2::regconfig, $3)::text, '''([^'']{4,})''', '''\\1'':*', 'g')::tsquery
              ELSE websearch_to_tsquery($2::regconfig, $3) END AS query)`;

/**
 * Reads the published-document read model. Each call is one indexed query (or two, with a count);
 * documents come back as the stored bytes, never parsed.
 */
@Injectable()
export class PublishedReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async bySlug(locale: string, slug: string): Promise<StoredDocument | null> {
    const [row]: StoredDocument[] = await this.dataSource.query(
      `SELECT article_id AS "articleId", locale, slug, document, etag, author_ids AS "authorIds", tag_ids AS "tagIds"
         FROM published_document WHERE locale = $1 AND slug = $2`,
      [locale, slug],
    );
    return row ?? null;
  }

  /** The current slug of a live article that once had `slug` in this locale. */
  async renamed(locale: string, slug: string): Promise<string | null> {
    const [row]: { slug: string }[] = await this.dataSource.query(
      `SELECT d.slug FROM slug_history h JOIN published_document d ON d.article_id = h.article_id AND d.locale = h.locale
        WHERE h.locale = $1 AND h.slug = $2`,
      [locale, slug],
    );
    return row?.slug ?? null;
  }

  /**
   * For `?fallback=true`: the article a published slug names in any locale of the chain, served in
   * the first chain locale that has it live. Unpublished slugs are not looked at: answering to them
   * would tell anyone which drafts exist.
   */
  async alongChain(chain: string[], slug: string): Promise<StoredDocument | null> {
    const [row]: StoredDocument[] = await this.dataSource.query(
      `WITH named AS (
         SELECT article_id FROM published_document WHERE slug = $2 AND locale = ANY($1::varchar[])
          ORDER BY array_position($1::varchar[], locale) LIMIT 1)
       SELECT d.article_id AS "articleId", d.locale, d.slug, d.document, d.etag, d.author_ids AS "authorIds", d.tag_ids AS "tagIds"
         FROM published_document d JOIN named ON named.article_id = d.article_id
        WHERE d.locale = ANY($1::varchar[])
        ORDER BY array_position($1::varchar[], d.locale) LIMIT 1`,
      [chain, slug],
    );
    return row ?? null;
  }

  /** The article a preview asks for: by its working slug in the locale, or by its live one. */
  async articleForPreview(locale: string, slug: string): Promise<string | null> {
    const [row]: { article_id: string }[] = await this.dataSource.query(
      `SELECT article_id FROM article_translation WHERE locale = $1 AND (slug = $2 OR live_slug = $2) ORDER BY (slug = $2) DESC LIMIT 1`,
      [locale, slug],
    );
    return row?.article_id ?? null;
  }

  async slugIn(articleId: string, locale: string): Promise<string | null> {
    const [row]: { slug: string }[] = await this.dataSource.query('SELECT slug FROM published_document WHERE article_id = $1 AND locale = $2', [
      articleId,
      locale,
    ]);
    return row?.slug ?? null;
  }

  /** Newest first, optionally of one author or tag. */
  async cards(locale: string, window: { limit: number; offset: number }, filter: { authorId?: string; tagId?: string } = {}): Promise<CardPage> {
    const where = ['locale = $1'];
    const params: unknown[] = [locale];
    if (filter.authorId) where.push(`author_ids @> ARRAY[$${params.push(filter.authorId)}]::uuid[]`);
    if (filter.tagId) where.push(`tag_ids @> ARRAY[$${params.push(filter.tagId)}]::uuid[]`);
    const condition = where.join(' AND ');
    // The page is chosen along the index alone (no row read for the skipped ones), then its cards are read.
    const rows: { card: string }[] = await this.dataSource.query(
      `WITH page AS (SELECT article_id, published_at FROM published_document WHERE ${condition}
                      ORDER BY published_at DESC, article_id DESC LIMIT ${window.limit} OFFSET ${window.offset})
       SELECT d.card FROM page JOIN published_document d ON d.article_id = page.article_id AND d.locale = $1
        ORDER BY page.published_at DESC, page.article_id DESC`,
      params,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM published_document WHERE ${condition}`, params);
    return { cards: rows.map((row) => row.card), total };
  }

  /**
   * Full-text search in the locale's own text-search configuration. Articles whose title or
   * summary match come first, ranked (title over summary); then those matching in the body only,
   * newest first. Ranking by the whole text would read every matching document's full vector
   * (hundreds of milliseconds for a common word over 100,000 documents); the title-and-summary
   * vector is small. Only the page's rows get snippets (ts_headline re-parses the text).
   */
  async search(locale: string, config: string, text: string, window: { limit: number; offset: number }): Promise<{ hits: SearchHit[]; total: number }> {
    const params = [locale, config, searchForm(text, locale), PREFIX_CONFIGS.has(config)];
    const upTo = window.limit + window.offset;
    const hits: SearchHit[] = await this.dataSource.query(
      `WITH ${QUERY_CTE},
            head AS (
              SELECT d.article_id, ts_rank(d.search_head, q.query) AS rank, d.published_at
                FROM published_document d, q
               WHERE d.locale = $1 AND d.search_head @@ q.query
               ORDER BY rank DESC, d.published_at DESC, d.article_id DESC LIMIT ${upTo}),
            body AS (
              SELECT d.article_id, 0::real AS rank, d.published_at
                FROM published_document d, q
               WHERE d.locale = $1 AND d.search @@ q.query AND NOT d.search_head @@ q.query
               ORDER BY d.published_at DESC, d.article_id DESC LIMIT ${upTo}),
            page AS (
              SELECT * FROM (SELECT 1 AS tier, * FROM head UNION ALL SELECT 2 AS tier, * FROM body) ranked
               ORDER BY tier, rank DESC, published_at DESC, article_id DESC LIMIT ${window.limit} OFFSET ${window.offset})
       SELECT d.card, (CASE WHEN page.tier = 1 THEN 1 + page.rank ELSE 0.5 END)::float8 AS rank,
              ts_headline($2::regconfig, d.search_text, q.query, 'MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … ", StartSel=${MATCH_START}, StopSel=${MATCH_END}') AS snippet
         FROM page JOIN published_document d ON d.article_id = page.article_id AND d.locale = $1, q
        ORDER BY page.tier, page.rank DESC, page.published_at DESC, page.article_id DESC`,
      params,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `WITH ${QUERY_CTE} SELECT count(*)::int AS total FROM published_document d, q WHERE d.locale = $1 AND d.search @@ q.query`,
      params,
    );
    return { hits, total };
  }

  /** An author or tag id by its slug (a tag's slug is per locale: the first found along the chain). */
  async authorBySlug(slug: string): Promise<{ id: string; slug: string; name: string; translations: AuthorText[] } | null> {
    const [row]: { id: string; slug: string; name: string; translations: AuthorText[] }[] = await this.dataSource.query(
      `SELECT a.id, a.slug, a.name,
              coalesce(json_agg(json_build_object('locale', t.locale, 'displayName', t.display_name, 'title', t.title, 'bio', t.bio))
                       FILTER (WHERE t.locale IS NOT NULL), '[]') AS translations
         FROM author a LEFT JOIN author_translation t ON t.author_id = a.id
        WHERE a.slug = $1 GROUP BY a.id`,
      [slug],
    );
    return row ?? null;
  }

  async tagBySlug(slug: string, chain: string[]): Promise<{ id: string; translations: TagText[] } | null> {
    const [row]: { id: string; translations: TagText[] }[] = await this.dataSource.query(
      `SELECT t.id, json_agg(json_build_object('locale', tt.locale, 'name', tt.name, 'slug', tt.slug)) AS translations
         FROM tag t JOIN tag_translation tt ON tt.tag_id = t.id
        WHERE t.id = (SELECT tag_id FROM tag_translation WHERE slug = $1 AND locale = ANY($2::varchar[])
                       ORDER BY array_position($2::varchar[], locale) LIMIT 1)
        GROUP BY t.id`,
      [slug, chain],
    );
    return row ?? null;
  }

  /** Every published translation of the locale with its siblings, for the sitemap (`limit` per file). */
  async sitemapEntries(
    locale: string,
    window: { limit: number; offset: number },
  ): Promise<{ slug: string; updatedAt: Date; alternates: { locale: string; slug: string }[] }[]> {
    return this.dataSource.query(
      `SELECT d.slug, d.updated_at AS "updatedAt",
              (SELECT json_agg(json_build_object('locale', o.locale, 'slug', o.slug) ORDER BY o.locale) FROM published_document o WHERE o.article_id = d.article_id) AS alternates
         FROM published_document d WHERE d.locale = $1
        ORDER BY d.published_at DESC, d.article_id DESC LIMIT ${window.limit} OFFSET ${window.offset}`,
      [locale],
    );
  }

  async countIn(locale: string): Promise<number> {
    const [{ total }]: { total: number }[] = await this.dataSource.query('SELECT count(*)::int AS total FROM published_document WHERE locale = $1', [locale]);
    return total;
  }
}

export interface AuthorText {
  locale: string;
  displayName: string | null;
  title: string | null;
  bio: string;
}

export interface TagText {
  locale: string;
  name: string;
  slug: string;
}
