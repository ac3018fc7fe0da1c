import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canWorkIn, type Editor } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { activeJobSql } from '../jobs/job-store';

export interface WaitingJob {
  id: string;
  articleId: string;
  kind: string;
  status: string;
  openedAt: Date;
}

export interface LocaleCoverage {
  locale: string;
  /** Published source articles (in another locale) this locale could carry. */
  published: number;
  upToDate: number;
  outdated: number;
  missing: number;
  activeJobs: number;
  oldestWaitingJob: WaitingJob | null;
}

export interface ArticleCoverage {
  locale: string;
  state: 'source' | 'up_to_date' | 'outdated' | 'missing';
  liveRevisionId: string | null;
  job: WaitingJob | null;
}

const ACTIVE = activeJobSql();

/**
 * How far each language has got: of the articles whose source is live, how many are live in the
 * locale and translate the source's live revision (up to date), an older one (outdated), or are
 * not live there at all (missing). Aggregated in the database, one pass per question.
 */
@Injectable()
export class CoverageService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byLocale(user: Editor): Promise<LocaleCoverage[]> {
    const rows: (Omit<LocaleCoverage, 'oldestWaitingJob'> & { job: WaitingJob | null })[] = await this.dataSource.query(
      `WITH src AS (
         SELECT a.id, a.source_locale, s.live_revision_id AS rev
           FROM article a JOIN article_translation s ON s.article_id = a.id AND s.locale = a.source_locale
          WHERE s.live_revision_id IS NOT NULL
       ), counts AS (
         SELECT l.code,
                count(src.id)::int AS published,
                count(*) FILTER (WHERE t.live_revision_id IS NOT NULL AND t.live_source_revision_id = src.rev)::int AS "upToDate",
                count(*) FILTER (WHERE t.live_revision_id IS NOT NULL AND t.live_source_revision_id IS DISTINCT FROM src.rev)::int AS outdated,
                count(src.id) FILTER (WHERE t.live_revision_id IS NULL)::int AS missing
           FROM locale l
           LEFT JOIN src ON src.source_locale <> l.code
           LEFT JOIN article_translation t ON t.article_id = src.id AND t.locale = l.code
          WHERE l.enabled
          GROUP BY l.code
       )
       SELECT l.code AS locale, c.published, c."upToDate", c.outdated, c.missing,
              (SELECT count(*)::int FROM translation_job WHERE target_locale = l.code AND ${ACTIVE}) AS "activeJobs",
              (SELECT json_build_object('id', j.id, 'articleId', j.article_id, 'kind', j.kind, 'status', j.status, 'openedAt', to_char(j.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                 FROM translation_job j WHERE j.target_locale = l.code AND j.${ACTIVE} ORDER BY j.opened_at, j.id LIMIT 1) AS job
         FROM locale l JOIN counts c ON c.code = l.code
        ORDER BY l.position, l.code`,
    );
    return rows.filter((row) => canWorkIn(user, row.locale)).map(({ job, ...row }) => ({ ...row, oldestWaitingJob: job }));
  }

  async byArticle(articleId: string, user: Editor): Promise<ArticleCoverage[]> {
    const rows: ArticleCoverage[] = await this.dataSource.query(
      `SELECT l.code AS locale,
              CASE WHEN l.code = a.source_locale THEN 'source'
                   WHEN t.live_revision_id IS NULL THEN 'missing'
                   WHEN s.live_revision_id IS NOT NULL AND t.live_source_revision_id IS DISTINCT FROM s.live_revision_id THEN 'outdated'
                   ELSE 'up_to_date' END AS state,
              t.live_revision_id AS "liveRevisionId",
              (SELECT json_build_object('id', j.id, 'articleId', j.article_id, 'kind', j.kind, 'status', j.status, 'openedAt', to_char(j.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                 FROM translation_job j WHERE j.article_id = a.id AND j.target_locale = l.code AND j.${ACTIVE}) AS job
         FROM article a
         JOIN locale l ON l.enabled
         LEFT JOIN article_translation s ON s.article_id = a.id AND s.locale = a.source_locale
         LEFT JOIN article_translation t ON t.article_id = a.id AND t.locale = l.code
        WHERE a.id = $1
        ORDER BY l.position, l.code`,
      [articleId],
    );
    if (!rows.length) throw KalamError.notFound('article.not_found', { id: articleId });
    return rows.filter((row) => canWorkIn(user, row.locale));
  }
}
