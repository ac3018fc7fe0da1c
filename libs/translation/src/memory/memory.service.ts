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

  /** The best matches for each segment, in one query (a lateral join per segment over the trigram index). */
  async lookup(manager: EntityManager, sourceLocale: string, targetLocale: string, segments: Segment[]): Promise<Map<string, MemoryMatch[]>> {
    const result = new Map<string, MemoryMatch[]>(segments.map((segment) => [segment.id, []]));
    if (!segments.length) return result;
    const masked = segments.map((segment) => maskFootnotes(segment.text));
    const rows: { idx: string; source_text: string; target_text: string; score: number }[] = await manager.query(
      `SELECT q.idx, m.source_text, m.target_text, m.score
         FROM unnest($3::text[]) WITH ORDINALITY AS q(text, idx)
         CROSS JOIN LATERAL (
           SELECT source_text, target_text, similarity(source_text, q.text) AS score
             FROM translation_memory
            WHERE source_locale = $1 AND target_locale = $2 AND source_text % q.text AND similarity(source_text, q.text) >= $4
            ORDER BY source_text = q.text DESC, score DESC, used_at DESC
            LIMIT $5
         ) m
        ORDER BY q.idx`,
      [sourceLocale, targetLocale, masked.map((m) => m.source), MIN_SIMILARITY, MATCHES_PER_SEGMENT],
    );
    for (const row of rows) {
      const index = Number(row.idx) - 1;
      const exact = row.source_text === masked[index].source;
      const numbers = masked[index].numbers;
      result.get(segments[index].id)!.push({
        score: exact ? 100 : Math.min(99, Math.round(Number(row.score) * 100)),
        exact,
        source: unmaskFootnotes(row.source_text, numbers),
        target: unmaskFootnotes(row.target_text, numbers),
      });
    }
    return result;
  }
}
