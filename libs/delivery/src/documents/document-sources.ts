import type { EntityManager } from 'typeorm';
import type { RevisionSnapshot } from '@kalam/content';
import { fallbackChain } from '@kalam/i18n';
import type { DocumentInputs, RenderLocale, TextToRender } from './document-inputs';

interface LiveRow {
  locale: string;
  revision_id: string;
  snapshot: RevisionSnapshot;
  went_live_at: Date | null;
  first_published_at: Date | null;
}

/** The enabled locales with their chains, in switcher order. */
export async function loadRenderLocales(manager: EntityManager): Promise<{ locales: Map<string, RenderLocale>; order: string[] }> {
  const rows: { code: string; fallback_code: string | null; enabled: boolean; text_direction: string; text_search_config: string }[] = await manager.query(
    'SELECT code, fallback_code, enabled, text_direction, text_search_config FROM locale ORDER BY position, code',
  );
  const links = rows.map((r) => ({ code: r.code, fallbackCode: r.fallback_code }));
  const locales = new Map<string, RenderLocale>();
  for (const row of rows.filter((r) => r.enabled)) {
    locales.set(row.code, {
      code: row.code,
      chain: fallbackChain(row.code, links) ?? [row.code],
      textDirection: row.text_direction,
      textSearchConfig: row.text_search_config,
    });
  }
  return { locales, order: [...locales.keys()] };
}

/** The live revision of each enabled locale of the article. */
export async function loadLiveTexts(manager: EntityManager, articleId: string): Promise<TextToRender[]> {
  const rows: LiveRow[] = await manager.query(
    `SELECT t.locale, r.id AS revision_id, r.snapshot, t.published_at AS went_live_at, d.published_at AS first_published_at
       FROM article_translation t
       JOIN revision r ON r.id = t.live_revision_id
       JOIN locale l ON l.code = t.locale AND l.enabled
       LEFT JOIN published_document d ON d.article_id = t.article_id AND d.locale = t.locale
      WHERE t.article_id = $1
      ORDER BY t.locale`,
    [articleId],
  );
  return rows.map((row) => {
    const wentLive = row.went_live_at ?? new Date();
    return { locale: row.locale, revisionId: row.revision_id, snapshot: row.snapshot, publishedAt: row.first_published_at ?? wentLive, updatedAt: wentLive };
  });
}

/** The advisory lock of an author, tag or media item shown in documents (see SharedRecordLocks in DocumentHooks). */
export function sharedRecordLockSql(mode: 'shared' | 'exclusive'): string {
  return `SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(hashtext('kalam.' || $1), hashtext($2))`;
}

/**
 * The article's shared parts (byline, tags, hero) with every translation of each. Each record is
 * share-locked before it is read, so an edit of it committing meanwhile waits for this render to
 * commit, and the re-render the edit enqueues then finds this document (no stale bio left behind).
 */
export async function loadShared(manager: EntityManager, articleId: string): Promise<Omit<DocumentInputs, 'texts'> | null> {
  const [article]: { id: string; source_locale: string; hero_media_id: string | null }[] = await manager.query(
    'SELECT id, source_locale, hero_media_id FROM article WHERE id = $1',
    [articleId],
  );
  if (!article) return null;
  const shown: { kind: string; id: string }[] = await manager.query(
    `SELECT 'author' AS kind, author_id::text AS id FROM article_author WHERE article_id = $1
     UNION SELECT 'tag', tag_id::text FROM article_tag WHERE article_id = $1
     UNION SELECT 'media', hero_media_id::text FROM article WHERE id = $1 AND hero_media_id IS NOT NULL
     ORDER BY 1, 2`,
    [articleId],
  );
  for (const record of shown) await manager.query(sharedRecordLockSql('shared'), [record.kind, record.id]);
  const authors: DocumentInputs['authors'] = await manager.query(
    `SELECT a.id, a.slug, a.name,
            coalesce(json_agg(json_build_object('locale', at.locale, 'displayName', at.display_name, 'title', at.title, 'bio', at.bio))
                     FILTER (WHERE at.locale IS NOT NULL), '[]') AS translations
       FROM article_author aa
       JOIN author a ON a.id = aa.author_id
       LEFT JOIN author_translation at ON at.author_id = a.id
      WHERE aa.article_id = $1
      GROUP BY a.id, aa.position
      ORDER BY aa.position`,
    [articleId],
  );
  const tags: DocumentInputs['tags'] = await manager.query(
    `SELECT t.id, coalesce(json_agg(json_build_object('locale', tt.locale, 'name', tt.name, 'slug', tt.slug)) FILTER (WHERE tt.locale IS NOT NULL), '[]') AS translations
       FROM article_tag x
       JOIN tag t ON t.id = x.tag_id
       LEFT JOIN tag_translation tt ON tt.tag_id = t.id
      WHERE x.article_id = $1
      GROUP BY t.id, t.created_at
      ORDER BY t.created_at, t.id`,
    [articleId],
  );
  let hero: DocumentInputs['hero'] = null;
  if (article.hero_media_id) {
    const [media]: NonNullable<DocumentInputs['hero']>[] = await manager.query(
      `SELECT m.id, m.kind = 'external' AS external, m.external_url AS "externalUrl", m.width, m.height, m.mime_type AS "mimeType", m.credit,
              coalesce(json_agg(json_build_object('locale', mt.locale, 'caption', mt.caption, 'altText', mt.alt_text))
                       FILTER (WHERE mt.locale IS NOT NULL), '[]') AS translations
         FROM media m LEFT JOIN media_translation mt ON mt.media_id = m.id
        WHERE m.id = $1
        GROUP BY m.id`,
      [article.hero_media_id],
    );
    hero = media ?? null;
  }
  return { article: { id: article.id, sourceLocale: article.source_locale }, authors, tags, hero };
}
