import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RevisionSnapshot } from '@kalam/content';
import { maskFootnotes, segmentsOf, unmaskFootnotes, type Segment } from '../segments/segments';

export interface MemoryMatch {
  /** 100 for the same text (footnote numbers aside); otherwise pg_trgm similarity in percent. */
  score: number;
  exact: boolean;
  /** The remembered source and its translation, with this paragraph's footnote numbers put in. */
  source: string;
  target: string;
}

/** Below this similarity a suggestion costs the translator more than it saves. */
const MIN_SIMILARITY = 0.5;
const MATCHES_PER_SEGMENT = 3;
/** Time the fuzzy search may take per lookup before the answer settles for exact matches. */
const FUZZY_BUDGET_MS = 1500;
const QUERY_CANCELED = '57014';

interface MemoryRow {
  idx: string;
  source_text: string;
  target_text: string;
  score: number;
}

export interface MemoryLookup {
  matches: Map<string, MemoryMatch[]>;
  /** False when the fuzzy search ran out of time and only exact matches are given. */
  complete: boolean;
}

/**
 * Kalam's own translation memory: every segment pair of every published translation, matched by
 * trigram similarity of the source (GIN index). Pairs are recorded when a translation goes live.
 */
@Injectable()
export class MemoryService {
  /**
   * Records the pairs of a published translation against the source revision it translates:
   * fields by name; body paragraphs by position, only when both have as many (otherwise which
   * paragraph translates which is a guess, and a wrong pair is worse than none).
   */
  async record(
    manager: EntityManager,
    pair: { sourceLocale: string; targetLocale: string; source: RevisionSnapshot; target: RevisionSnapshot; articleId: string; revisionId: string },
  ): Promise<number> {
    const source = segmentsOf(pair.source);
    const target = new Map(segmentsOf(pair.target).map((segment) => [segment.id, segment.text]));
    const bodyAligned = source.filter((s) => s.field === 'body').length === [...target.keys()].filter((id) => id.startsWith('p')).length;
    const rows = source
      .filter((segment) => (segment.field !== 'body' || bodyAligned) && target.has(segment.id) && target.get(segment.id) !== segment.text)
      .map((segment) => maskFootnotes(segment.text, target.get(segment.id)));
    if (!rows.length) return 0;
    await manager.query(
      `INSERT INTO translation_memory (source_locale, target_locale, source_text, target_text, article_id, revision_id)
       SELECT $1, $2, s, t, $5, $6 FROM unnest($3::text[], $4::text[]) AS pairs(s, t)
       ON CONFLICT (source_locale, target_locale, md5(source_text), md5(target_text))
       DO UPDATE SET used_at = now(), article_id = EXCLUDED.article_id, revision_id = EXCLUDED.revision_id`,
      [pair.sourceLocale, pair.targetLocale, rows.map((r) => r.source), rows.map((r) => r.target), pair.articleId, pair.revisionId],
    );
    return rows.length;
  }

  /**
   * The best matches for each segment: exact ones through the md5 index, then fuzzy ones through
   * the trigram index with the similarity threshold raised to 50 % for this transaction (the GIN
   * index then discards more candidates itself). Fuzzy search over long, common-worded paragraphs
   * can be slow on a large memory, so it gets a time budget: past it, the answer holds the exact
   * matches only and says so (`complete: false`).
   */
  async lookup(
    manager: EntityManager,
    sourceLocale: string,
    targetLocale: string,
    segments: Segment[],
    /** Segments worth a fuzzy search (untranslated or changed); all get exact matches. Default: all. */
    fuzzyFor: (segment: Segment) => boolean = () => true,
  ): Promise<MemoryLookup> {
    const matches = new Map<string, MemoryMatch[]>(segments.map((segment) => [segment.id, []]));
    if (!segments.length) return { matches, complete: true };
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((inner) => this.lookup(inner, sourceLocale, targetLocale, segments, fuzzyFor));
    }
    const masked = segments.map((segment) => maskFootnotes(segment.text));
    const params = [sourceLocale, targetLocale, masked.map((m) => m.source), MATCHES_PER_SEGMENT];
    // Segments without a fuzzy search are passed as NULL: `%` with NULL matches nothing, at no cost.
    const fuzzyParams = [sourceLocale, targetLocale, masked.map((m, i) => (fuzzyFor(segments[i]) ? m.source : null)), MATCHES_PER_SEGMENT];
    const exact: MemoryRow[] = await manager.query(
      `SELECT q.idx, m.source_text, m.target_text, 1 AS score
         FROM unnest($3::text[]) WITH ORDINALITY AS q(text, idx)
         CROSS JOIN LATERAL (
           SELECT source_text, target_text FROM translation_memory
            WHERE source_locale = $1 AND target_locale = $2 AND md5(source_text) = md5(q.text) AND source_text = q.text
            ORDER BY used_at DESC LIMIT $4
         ) m`,
      params,
    );
    let fuzzy: MemoryRow[] = [];
    let complete = true;
    let previous: string | null = null;
    await manager.query('SAVEPOINT memory_fuzzy');
    try {
      [{ previous }] = await manager.query(
        `SELECT current_setting('statement_timeout') AS previous, set_config('pg_trgm.similarity_threshold', $1, true), set_config('statement_timeout', $2, true)`,
        [String(MIN_SIMILARITY), String(FUZZY_BUDGET_MS)],
      );
      fuzzy = await manager.query(
        `SELECT q.idx, m.source_text, m.target_text, m.score
           FROM unnest($3::text[]) WITH ORDINALITY AS q(text, idx)
           CROSS JOIN LATERAL (
             SELECT source_text, target_text, similarity(source_text, q.text) AS score
               FROM translation_memory
              WHERE q.text IS NOT NULL AND source_locale = $1 AND target_locale = $2 AND source_text % q.text AND source_text <> q.text
              ORDER BY score DESC, used_at DESC LIMIT $4
           ) m`,
        fuzzyParams,
      );
      await manager.query('RELEASE SAVEPOINT memory_fuzzy');
    } catch (error) {
      if ((error as { code?: string }).code !== QUERY_CANCELED) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT memory_fuzzy');
      complete = false;
    }
    // Rolling back to the savepoint already undid the settings; after a release, put the timeout back.
    if (complete && previous !== null) await manager.query(`SELECT set_config('statement_timeout', $1, true)`, [previous]);
    for (const row of [...exact, ...fuzzy]) {
      const index = Number(row.idx) - 1;
      const list = matches.get(segments[index].id)!;
      if (list.length >= MATCHES_PER_SEGMENT) continue;
      const isExact = row.source_text === masked[index].source;
      const numbers = masked[index].numbers;
      list.push({
        score: isExact ? 100 : Math.min(99, Math.round(Number(row.score) * 100)),
        exact: isExact,
        source: unmaskFootnotes(row.source_text, numbers),
        target: unmaskFootnotes(row.target_text, numbers),
      });
    }
    return { matches, complete };
  }
}
