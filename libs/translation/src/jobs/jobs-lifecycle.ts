import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canEditTranslation } from '@kalam/auth';
import { recordAudit } from '@kalam/core';
import { ArticleTranslationEntity, RevisionEntity, type ArticleEntity } from '@kalam/content';
import { DraftHooks, recordOutbox, TransitionHooks, type DraftSaveEvent, type TransitionEvent } from '@kalam/workflow';
import { MemoryService } from '../memory/memory.service';
import { translationConfig, type TranslationConfig } from '../translation.config';
import { activeJobSql, findActiveJob, leaseEndSql, updateJob } from './job-store';
import { JobsService } from './jobs.service';
import type { TranslationJobEntity } from './translation-job.entity';

/**
 * Keeps jobs in step with the workflow, inside each step's transaction (the article is locked):
 * the source going live opens or moves on one job per other enabled locale; a translation's
 * submit, send-back, publish and archive move its job; and a claimed translation is its holder's to save.
 */
@Injectable()
export class JobsLifecycle implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly drafts: DraftHooks,
    private readonly memory: MemoryService,
    private readonly jobs: JobsService,
    @Inject(translationConfig.KEY) private readonly config: TranslationConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.register((event) => this.onTransition(event));
    this.drafts.register((event) => this.beforeSave(event));
    this.drafts.registerAfterSave((event) => this.afterSave(event));
  }

  /**
   * New text translates the source the translator is working from: the active job's revision, or
   * with no job what is live. Recorded at each save, so text written before the source moved on
   * stays based on the older revision however late it is submitted.
   */
  private async afterSave({ manager, article, locale }: DraftSaveEvent): Promise<void> {
    if (locale === article.sourceLocale) return;
    const job = await findActiveJob(manager, article.id, locale);
    const base = job?.sourceRevisionId ?? (await this.sourceLiveRevision(manager, article));
    await manager.update(ArticleTranslationEntity, { articleId: article.id, locale }, { sourceRevisionId: base });
  }

  /** A claim is the holder's to write: others who do not manage the language get 409 naming the holder. */
  private async beforeSave({ manager, article, locale, user }: DraftSaveEvent): Promise<void> {
    // Who may not write the locale at all gets the writer's own 403, not news of who holds the job.
    if (locale === article.sourceLocale || !canEditTranslation(user, article, locale)) return;
    const job = await findActiveJob(manager, article.id, locale);
    if (job) await this.jobs.refuseIfHeldByOther(manager, job, article, user);
  }

  private async onTransition(event: TransitionEvent): Promise<void> {
    const { manager, article, after, transition, user } = event;
    if (after.locale === article.sourceLocale) {
      if (transition === 'publish' && after.liveRevisionId) await this.openJobs(manager, article, after.liveRevisionId, user.id);
      return;
    }
    const job = await findActiveJob(manager, article.id, after.locale, true);
    const where = { articleId: article.id, locale: after.locale };
    if (transition === 'submit') {
      // A claimed job's translation is its holder's to hand in, by whichever route.
      if (job) await this.jobs.refuseIfHeldByOther(manager, job, article, user);
      // Text saved before this was tracked has no base yet: it translates what the job asks for (or what is live).
      if (!after.sourceRevisionId) {
        const base = job?.sourceRevisionId ?? (await this.sourceLiveRevision(manager, article));
        await manager.update(ArticleTranslationEntity, where, { sourceRevisionId: base });
      }
      if (job) await this.move(manager, job, { status: 'in_review', claimedUntil: null }, 'submitted', user.id);
    } else if (transition === 'request-changes' && job?.status === 'in_review') {
      const back = job.assigneeId
        ? { status: 'claimed' as const, claimedUntil: leaseEndSql(this.config.leaseHours) }
        : { status: 'open' as const, claimedUntil: null, assigneeId: null };
      await this.move(manager, job, back, 'sent_back', user.id);
    } else if (transition === 'publish' && after.liveRevisionId) {
      await this.published(manager, article, after, job, user.id);
    } else if (transition === 'archive' && job) {
      await this.move(manager, job, { status: 'cancelled', closedAt: new Date(), claimedUntil: null }, 'cancelled', user.id);
    }
  }

  /**
   * A translation went live: it translates the source revision recorded at submit; its pairs join
   * the memory; its job is done, unless the source moved on during review, in which case the job
   * goes back to the queue as an update.
   */
  private async published(
    manager: EntityManager,
    article: ArticleEntity,
    after: ArticleTranslationEntity,
    job: TranslationJobEntity | null,
    actorId: string | null,
  ): Promise<void> {
    const base = after.sourceRevisionId ?? (await this.sourceLiveRevision(manager, article));
    await manager.update(ArticleTranslationEntity, { articleId: article.id, locale: after.locale }, { liveSourceRevisionId: base, sourceRevisionId: base });
    if (base) {
      // One after the other: a transaction is one connection.
      const source = await manager.findOneByOrFail(RevisionEntity, { id: base });
      const target = await manager.findOneByOrFail(RevisionEntity, { id: after.liveRevisionId! });
      await this.memory.record(manager, {
        sourceLocale: source.locale,
        targetLocale: after.locale,
        source: source.snapshot,
        target: target.snapshot,
        articleId: article.id,
        revisionId: target.id,
      });
    }
    if (!job) return;
    if (base === job.sourceRevisionId) {
      await this.move(manager, job, { status: 'done', closedAt: new Date(), claimedUntil: null }, 'done', actorId);
    } else {
      await this.move(manager, job, { status: 'open', kind: 'update', assigneeId: null, claimedUntil: null, openedAt: new Date() }, 'reopened', actorId);
    }
  }

  /**
   * The source went live with `revisionId`: each other enabled locale without a translation gets
   * a `new` job, each whose translation is based on another revision an `update` job; an active
   * job moves on to the new revision instead (one statement per locale, upserting on the
   * active-job index, so a concurrent backfill cannot make a second).
   */
  async openJobs(manager: EntityManager, article: ArticleEntity, revisionId: string, actorId: string | null): Promise<void> {
    const rows: { id: string; target_locale: string; kind: string; inserted: boolean }[] = await manager.query(
      `INSERT INTO translation_job (article_id, target_locale, kind, source_revision_id)
       SELECT $1, l.code, (CASE WHEN t.article_id IS NULL THEN 'new' ELSE 'update' END)::translation_job_kind, $3
         FROM locale l
         LEFT JOIN article_translation t ON t.article_id = $1 AND t.locale = l.code
         LEFT JOIN translation_job j ON j.article_id = $1 AND j.target_locale = l.code AND ${activeJobSql('j')}
        WHERE l.enabled AND l.code <> $2 AND (j.id IS NOT NULL OR t.source_revision_id IS DISTINCT FROM $3)
        ORDER BY l.position, l.code
       ON CONFLICT (article_id, target_locale) WHERE ${activeJobSql()}
       DO UPDATE SET source_revision_id = EXCLUDED.source_revision_id, version = translation_job.version + 1, updated_at = now()
       RETURNING id, target_locale, kind, (xmax = 0) AS inserted`,
      [article.id, article.sourceLocale, revisionId],
    );
    for (const row of rows) await this.recordOpened(manager, row.id, article.id, row.target_locale, row.kind, revisionId, row.inserted, actorId);
  }

  private async recordOpened(
    manager: EntityManager,
    jobId: string,
    articleId: string,
    locale: string,
    kind: string,
    revisionId: string,
    inserted: boolean,
    actorId: string | null,
  ): Promise<void> {
    const action = inserted ? 'job.opened' : 'job.source_moved';
    await recordAudit(manager, {
      actorId,
      action,
      subjectType: 'translation_job',
      subjectId: jobId,
      details: { articleId, locale, kind, sourceRevisionId: revisionId },
    });
    await recordOutbox(manager, { type: 'job.opened', articleId, locale, payload: { jobId, kind, sourceRevisionId: revisionId, reopened: !inserted } });
  }

  private async move(
    manager: EntityManager,
    job: TranslationJobEntity,
    changes: Record<string, unknown> & { status?: TranslationJobEntity['status'] },
    action: string,
    actorId: string | null,
  ): Promise<void> {
    await updateJob(manager, job.id, changes);
    await recordAudit(manager, {
      actorId,
      action: `job.${action}`,
      subjectType: 'translation_job',
      subjectId: job.id,
      details: { articleId: job.articleId, locale: job.targetLocale, from: job.status, to: changes.status ?? job.status },
    });
  }

  private async sourceLiveRevision(manager: EntityManager, article: ArticleEntity): Promise<string | null> {
    const source = await manager.findOneBy(ArticleTranslationEntity, { articleId: article.id, locale: article.sourceLocale });
    return source?.liveRevisionId ?? null;
  }
}
