import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Editor } from '@kalam/auth';
import { KalamError, recordAudit } from '@kalam/core';
import { pageWindow, type TranslationStatus } from '@kalam/content';
import { LocalesService } from '@kalam/i18n';
import { canManageJobs, canSeeQueue } from '../jobs/job-permissions';
import type { JobKind, JobPriority, JobStatus } from '../jobs/job-status';
import { activeJobSql } from '../jobs/job-store';

export interface QueueFilter {
  status?: Extract<JobStatus, 'open' | 'claimed' | 'in_review'>;
  kind?: JobKind;
  priority?: JobPriority;
  /** A user id, or `me`. */
  assignee?: string;
  articleId?: string;
  page?: number;
  limit?: number;
}

export interface QueueItem {
  id: string;
  articleId: string;
  title: string | null;
  sourceLocale: string;
  kind: JobKind;
  status: JobStatus;
  assignee: { id: string; displayName: string } | null;
  claimedUntil: Date | null;
  priority: JobPriority;
  dueAt: Date | null;
  openedAt: Date;
  version: number;
  /** The target translation's workflow status (null before its first save): `changes_requested` is work sent back. */
  translationStatus: TranslationStatus | null;
}

export interface Queue {
  items: QueueItem[];
  page: number;
  limit: number;
  total: number;
  counts: Record<'open' | 'claimed' | 'in_review', number>;
}

const ACTIVE = activeJobSql('j');
/** A claim whose lease ran out is open again, for readers as for the next claim. */
const STATUS = `(CASE WHEN j.status = 'claimed' AND j.claimed_until <= now() THEN 'open' ELSE j.status::text END)`;

/** The same test as STATUS, written so each reads plain columns. */
const STATUS_IS: Record<'open' | 'claimed' | 'in_review', string> = {
  open: `(j.status = 'open' OR (j.status = 'claimed' AND j.claimed_until <= now()))`,
  claimed: `(j.status = 'claimed' AND j.claimed_until > now())`,
  in_review: `j.status = 'in_review'`,
};

/** One language's queue of active jobs, most urgent first; and the backlog for a locale added late. */
@Injectable()
export class QueuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locales: LocalesService,
  ) {}

  async list(locale: string, filter: QueueFilter, user: Editor): Promise<Queue> {
    await this.locales.requireEnabled(locale);
    if (!canSeeQueue(user, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
    const { page, limit, offset } = pageWindow(filter);
    const params: unknown[] = [locale];
    const where = [`j.target_locale = $1`, ACTIVE];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) where.push(STATUS_IS[filter.status]);
    if (filter.kind) add(`j.kind = ?`, filter.kind);
    if (filter.priority) add(`j.priority = ?`, filter.priority);
    if (filter.articleId) add(`j.article_id = ?`, filter.articleId);
    if (filter.assignee) add(`j.assignee_id = ? AND ${STATUS} <> 'open'`, filter.assignee === 'me' ? user.id : filter.assignee);

    // The page is picked from translation_job alone, along the queue index; only its rows are joined.
    const rows: (Omit<QueueItem, 'assignee'> & { assignee_id: string | null; assignee_name: string | null })[] = await this.dataSource.query(
      `WITH page AS (
         SELECT j.* FROM translation_job j
          WHERE ${where.join(' AND ')}
          ORDER BY j.priority DESC, j.due_at ASC NULLS LAST, j.opened_at, j.id
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}
       )
       SELECT j.id, j.article_id AS "articleId", s.title, a.source_locale AS "sourceLocale", j.kind, ${STATUS} AS status,
              j.assignee_id, coalesce(u.display_name, u.email) AS assignee_name, j.claimed_until AS "claimedUntil",
              j.priority, j.due_at AS "dueAt", j.opened_at AS "openedAt", j.version, t.status AS "translationStatus"
         FROM page j
         JOIN article a ON a.id = j.article_id
         LEFT JOIN article_translation s ON s.article_id = j.article_id AND s.locale = a.source_locale
         LEFT JOIN article_translation t ON t.article_id = j.article_id AND t.locale = j.target_locale
         LEFT JOIN users u ON u.id = j.assignee_id
        ORDER BY j.priority DESC, j.due_at ASC NULLS LAST, j.opened_at, j.id`,
      [...params, limit, offset],
    );
    const [counts]: { open: string; claimed: string; in_review: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE ${STATUS} = 'open') AS open, count(*) FILTER (WHERE ${STATUS} = 'claimed') AS claimed,
              count(*) FILTER (WHERE j.status = 'in_review') AS in_review
         FROM translation_job j WHERE j.target_locale = $1 AND ${ACTIVE}`,
      [locale],
    );
    const items = rows.map(({ assignee_id, assignee_name, ...row }) => ({
      ...row,
      assignee: row.status !== 'open' && assignee_id ? { id: assignee_id, displayName: assignee_name ?? '' } : null,
      claimedUntil: row.status === 'claimed' ? row.claimedUntil : null,
    }));
    const total =
      filter.status || filter.kind || filter.priority || filter.articleId || filter.assignee
        ? await this.count(where, params)
        : Object.values(counts).reduce((sum, n) => sum + Number(n), 0);
    return { items, page, limit, total, counts: { open: Number(counts.open), claimed: Number(counts.claimed), in_review: Number(counts.in_review) } };
  }

  /**
   * Opens the jobs a locale is owed: for each article whose source is live, a `new` job where the
   * locale has no translation, an `update` job where its translation is based on another source
   * revision; articles with an active job are left alone. One statement, safe beside publishing.
   */
  backfill(locale: string, user: Editor): Promise<{ opened: number }> {
    return this.dataSource.transaction(async (manager) => {
      await this.locales.requireEnabled(locale, manager);
      if (!canManageJobs(user, null, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
      const opened: { id: string; article_id: string; kind: string; source_revision_id: string }[] = await manager.query(
        `INSERT INTO translation_job (article_id, target_locale, kind, source_revision_id)
         SELECT a.id, $1, CASE WHEN t.article_id IS NULL THEN 'new' ELSE 'update' END::translation_job_kind, s.live_revision_id
           FROM article a
           JOIN article_translation s ON s.article_id = a.id AND s.locale = a.source_locale AND s.live_revision_id IS NOT NULL
           LEFT JOIN article_translation t ON t.article_id = a.id AND t.locale = $1
          WHERE a.source_locale <> $1 AND (t.article_id IS NULL OR t.source_revision_id IS DISTINCT FROM s.live_revision_id)
          ORDER BY a.created_at
         ON CONFLICT (article_id, target_locale) WHERE ${activeJobSql()} DO NOTHING
         RETURNING id, article_id, kind, source_revision_id`,
        [locale],
      );
      if (opened.length) {
        // One outbox event per job, as publishing writes them, in one statement.
        await manager.query(
          `INSERT INTO outbox (type, article_id, locale, payload)
           SELECT 'job.opened', j.article_id, $1, jsonb_build_object('jobId', j.id, 'kind', j.kind, 'sourceRevisionId', j.source_revision_id)
             FROM translation_job j WHERE j.id = ANY($2::uuid[]) ORDER BY j.opened_at, j.id`,
          [locale, opened.map((job) => job.id)],
        );
      }
      await recordAudit(manager, {
        actorId: user.id,
        action: 'queue.backfilled',
        subjectType: 'locale',
        subjectId: locale,
        details: { opened: opened.length },
      });
      return { opened: opened.length };
    });
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row]: { total: string }[] = await this.dataSource.query(`SELECT count(*) AS total FROM translation_job j WHERE ${where.join(' AND ')}`, params);
    return Number(row.total);
  }
}
