import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ArticleTranslationEntity } from '@kalam/content';
import { JobQueue } from '@kalam/database';
import { formatCalendarDate, Messages, searchForm } from '@kalam/i18n';
import { RevisionsService } from '@kalam/workflow';
import { articleUrl, deliveryConfig, type DeliveryConfig } from '../delivery.config';
import { buildDocuments, type BuiltDocument, type RenderContext } from './build-document';
import type { ArticleDocument, ArticleCard } from './article-document';
import type { TextToRender } from './document-inputs';
import { loadLiveTexts, loadRenderLocales, loadShared } from './document-sources';

/** The channel delivery processes LISTEN on; the payload is the comma-separated locales whose answers changed. */
export const DOCUMENTS_CHANNEL = 'kalam_documents';

/** What a document shows besides its own text: a re-render is due when one of these changes. */
export type SharedRecordKind = 'author' | 'tag' | 'media' | 'related';

const SHOWING: Record<SharedRecordKind | 'article', string> = {
  article: 'article_id = $1',
  author: 'author_ids @> ARRAY[$1]::uuid[]',
  tag: 'tag_ids @> ARRAY[$1]::uuid[]',
  media: 'media_id = $1',
  related: 'related_ids @> ARRAY[$1]::uuid[]',
};

const RELATED_LIMIT = 4;
const SNIPPET_SOURCE_CHARS = 3000;

export function strongEtag(bytes: string): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
}

/**
 * Keeps `published_document` equal to what is live. Every write of an article's documents
 * re-renders all its locales at once (their alternates name each other), in the caller's
 * transaction, and notifies delivery processes, which PostgreSQL does only if it commits.
 */
@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(deliveryConfig.KEY) private readonly config: DeliveryConfig,
    private readonly messages: Messages,
    private readonly jobs: JobQueue,
    private readonly revisions: RevisionsService,
  ) {}

  async context(manager: EntityManager): Promise<RenderContext> {
    const { locales, order } = await loadRenderLocales(manager);
    return {
      locales,
      order,
      articleUrl: (locale, slug) => articleUrl(this.config, locale, slug),
      mediaUrl: (id) => `${this.config.publicUrl}/v1/media/${id}`,
      accessed: (locale, date) => this.messages.t(locale, 'citation.accessed', { date: formatCalendarDate(date, locale) }),
    };
  }

  /**
   * Renders every live locale of the article and removes documents no longer live; the caller holds
   * the article's lock. With `refreshRelated` (a publish, an unpublish, an edit: not the worker's own
   * re-renders, which would cascade), documents listing this article as related are re-rendered by the worker.
   */
  async renderArticle(manager: EntityManager, articleId: string, options: { refreshRelated?: boolean } = {}): Promise<void> {
    const before: { locale: string }[] = await manager.query('SELECT locale FROM published_document WHERE article_id = $1', [articleId]);
    const texts = await loadLiveTexts(manager, articleId);
    const shared = texts.length ? await loadShared(manager, articleId) : null;
    const built = shared ? buildDocuments({ ...shared, texts }, await this.context(manager)) : [];
    for (const doc of built) await this.store(manager, doc);
    await manager.query('DELETE FROM published_document WHERE article_id = $1 AND NOT (locale = ANY($2::varchar[]))', [
      articleId,
      built.map((d) => d.document.locale),
    ]);
    const touched = new Set([...before.map((row) => row.locale), ...built.map((d) => d.document.locale)]);
    if (touched.size) await manager.query('SELECT pg_notify($1, $2)', [DOCUMENTS_CHANNEL, [...touched].sort().join(',')]);
    if (options.refreshRelated && (await this.isShown(manager, 'related', articleId))) {
      await this.jobs.send(manager, 'documents-render', { kind: 'related', id: articleId });
    }
  }

  /** The working draft of one translation rendered like a published one (for preview; not stored). */
  async renderWorking(articleId: string, locale: string): Promise<ArticleDocument | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const translation = await manager.findOneBy(ArticleTranslationEntity, { articleId, locale });
      const shared = translation && (await loadShared(manager, articleId));
      if (!translation || !shared) return null;
      // The snapshot a revision would record now: the same text and sources publishing would make live.
      const working: TextToRender = {
        locale,
        revisionId: 'working',
        snapshot: await this.revisions.snapshot(manager, translation),
        publishedAt: translation.publishedAt ?? translation.updatedAt,
        updatedAt: translation.updatedAt,
      };
      const context = await this.context(manager);
      const live = (await loadLiveTexts(manager, articleId)).filter((text) => text.locale !== locale);
      const [doc] = buildDocuments({ ...shared, texts: [working, ...live] }, context);
      doc.document.related = await this.related(manager, doc);
      return doc.document;
    });
  }

  /** Re-renders the documents that show an author, tag, media item or related article (the worker does this after such a change). */
  async renderShowing(kind: SharedRecordKind, id: string): Promise<number> {
    const rows: { article_id: string }[] = await this.dataSource.query(`SELECT DISTINCT article_id FROM published_document WHERE ${SHOWING[kind]}`, [id]);
    for (const { article_id } of rows) await this.renderLocked(article_id);
    return rows.length;
  }

  /** Tells every delivery process that any answer may have changed (when this transaction commits). */
  async notifyAll(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [DOCUMENTS_CHANNEL, '*']);
  }

  /** Whether any published document shows the record (so an edit of it needs re-rendering). */
  async isShown(manager: EntityManager, kind: SharedRecordKind | 'article', id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM published_document WHERE ${SHOWING[kind]} LIMIT 1`, [id]);
    return rows.length > 0;
  }

  /**
   * Renders articles that are live but whose documents are missing or name another revision (a
   * database from before this table, a locale enabled again). Run by the worker at start.
   */
  async renderMissing(): Promise<number> {
    const rows: { article_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT t.article_id
         FROM article_translation t
         JOIN locale l ON l.code = t.locale AND l.enabled
         LEFT JOIN published_document d ON d.article_id = t.article_id AND d.locale = t.locale
        WHERE t.live_revision_id IS NOT NULL AND (d.revision_id IS DISTINCT FROM t.live_revision_id)
       UNION
       SELECT d.article_id FROM published_document d
         JOIN article_translation t ON t.article_id = d.article_id AND t.locale = d.locale
        WHERE t.live_revision_id IS NULL`,
    );
    for (const { article_id } of rows) await this.renderLocked(article_id);
    if (rows.length) this.logger.log(`rendered the documents of ${rows.length} articles`);
    return rows.length;
  }

  /** Every article with a live translation, rendered again. */
  async renderAll(): Promise<number> {
    const rows: { article_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT article_id FROM article_translation WHERE live_revision_id IS NOT NULL ORDER BY article_id',
    );
    for (const { article_id } of rows) await this.renderLocked(article_id);
    return rows.length;
  }

  /** One article under its lock, in its own transaction (the order publishing takes: article first). */
  async renderLocked(articleId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query('SELECT 1 FROM article WHERE id = $1 FOR NO KEY UPDATE', [articleId]);
      if (locked.length) await this.renderArticle(manager, articleId);
    });
  }

  private async related(manager: EntityManager, doc: BuiltDocument): Promise<ArticleCard[]> {
    if (!doc.tagIds.length) return [];
    const rows: { card: string }[] = await manager.query(
      `SELECT card FROM published_document
        WHERE locale = $1 AND article_id <> $2 AND tag_ids && $3::uuid[]
        ORDER BY (SELECT count(*) FROM unnest(tag_ids) AS t(id) WHERE t.id = ANY($3::uuid[])) DESC, published_at DESC, article_id
        LIMIT ${RELATED_LIMIT}`,
      [doc.document.locale, doc.document.id, doc.tagIds],
    );
    return rows.map((row) => JSON.parse(row.card) as ArticleCard);
  }

  private async store(manager: EntityManager, doc: BuiltDocument): Promise<void> {
    doc.document.related = await this.related(manager, doc);
    const bytes = JSON.stringify(doc.document);
    const { locale } = doc.document;
    const { config, title, summary, body } = doc.search;
    await manager.query(
      `INSERT INTO published_document
         (article_id, locale, slug, revision_id, document, card, etag, author_ids, tag_ids, media_id, search, search_head, search_text, published_at, updated_at, surrogate_keys, related_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9::uuid[], $10,
               setweight(to_tsvector($11::regconfig, $12), 'A') || setweight(to_tsvector($11::regconfig, $13), 'B') || setweight(to_tsvector($11::regconfig, $14), 'C'),
               setweight(to_tsvector($11::regconfig, $12), 'A') || setweight(to_tsvector($11::regconfig, $13), 'B'),
               $15, $16, $17, $18, $19::uuid[])
       ON CONFLICT (article_id, locale) DO UPDATE SET
         slug = EXCLUDED.slug, revision_id = EXCLUDED.revision_id, document = EXCLUDED.document, card = EXCLUDED.card, etag = EXCLUDED.etag,
         author_ids = EXCLUDED.author_ids, tag_ids = EXCLUDED.tag_ids, media_id = EXCLUDED.media_id, search = EXCLUDED.search, search_head = EXCLUDED.search_head,
         search_text = EXCLUDED.search_text, published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at,
         surrogate_keys = EXCLUDED.surrogate_keys, related_ids = EXCLUDED.related_ids`,
      [
        doc.document.id,
        locale,
        doc.document.slug,
        doc.revisionId,
        bytes,
        JSON.stringify(doc.card),
        strongEtag(bytes),
        doc.authorIds,
        doc.tagIds,
        doc.mediaId,
        config,
        searchForm(title, locale),
        searchForm(summary, locale),
        searchForm(body, locale),
        // Snippets come from here; ts_headline re-parses it for every hit shown, so it is kept to the opening of the text.
        [title, summary, body].filter(Boolean).join('\n').slice(0, SNIPPET_SOURCE_CHARS),
        doc.document.publishedAt,
        doc.document.updatedAt,
        [`article:${doc.document.id}`, ...doc.authorIds.map((id) => `author:${id}`), ...doc.tagIds.map((id) => `tag:${id}`), `locale:${locale}`].join(' '),
        doc.document.related.map((card) => card.id),
      ],
    );
  }
}
