import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity, canWorkIn, type Editor } from '@kalam/auth';
import { KalamError, recordAudit } from '@kalam/core';
import { ARTICLE_TEXT, ArticleEntity, ArticleTranslationEntity, TranslatableWriter } from '@kalam/content';
import { TransitionsService, type TransitionResult } from '@kalam/workflow';
import { translationConfig, type TranslationConfig } from '../translation.config';
import { canManageJobs, canWorkOnJob, mayActAsHolder } from './job-permissions';
import { effectiveLease, type JobPriority } from './job-status';
import { leaseEndSql, updateJob } from './job-store';
import { jobView, type JobView } from './job-view';
import { TranslationJobEntity } from './translation-job.entity';

export interface JobChanges {
  assigneeId?: string | null;
  priority?: JobPriority;
  dueAt?: Date | null;
}

/** A job and the article it belongs to, locked for the rest of the transaction. */
export interface LockedJob {
  job: TranslationJobEntity;
  article: ArticleEntity;
}

/**
 * Taking, holding and handing in translation jobs. A claim is one conditional UPDATE, so of ten
 * translators claiming at once exactly one gets the job; the others learn who holds it until when.
 */
@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: TranslatableWriter,
    private readonly transitions: TransitionsService,
    @Inject(translationConfig.KEY) private readonly config: TranslationConfig,
  ) {}

  async get(
    id: string,
    user: Editor,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ view: JobView; job: TranslationJobEntity; article: ArticleEntity }> {
    const job = await manager.findOneBy(TranslationJobEntity, { id });
    if (!job) throw KalamError.notFound('job.not_found', { id });
    const article = await manager.findOneByOrFail(ArticleEntity, { id: job.articleId });
    if (!canWorkOnJob(user, article, job.targetLocale) && !canManageJobs(user, article, job.targetLocale)) {
      throw KalamError.forbidden('auth.locale_forbidden', { locale: job.targetLocale });
    }
    return { view: await this.view(manager, job), job, article };
  }

  claim(id: string, user: Editor): Promise<JobView> {
    return this.dataSource.transaction(async (manager) => {
      const { job, article } = await this.get(id, user, manager);
      if (!canWorkOnJob(user, article, job.targetLocale)) throw KalamError.forbidden('job.forbidden', { locale: job.targetLocale });
      // Two tries: a release committing between our UPDATE and our re-read would otherwise read as
      // "open, yet not claimable".
      let won = 0;
      for (let attempt = 0; attempt < 2 && !won; attempt++) {
        const claimed: TranslationJobEntity[] = await manager.query(
          `UPDATE translation_job
              SET status = 'claimed', assignee_id = $2, claimed_until = now() + make_interval(hours => $3), version = version + 1, updated_at = now()
            WHERE id = $1 AND (status = 'open' OR (status = 'claimed' AND (claimed_until <= now() OR assignee_id = $2)))
            RETURNING id`,
          [id, user.id, this.config.leaseHours],
        );
        // pg answers UPDATE … RETURNING as [rows, count].
        won = (claimed as unknown as [unknown[], number])[0]?.length ?? 0;
      }
      if (!won) await this.refuseClaim(manager, id);
      const renewal = job.assigneeId === user.id && job.status === 'claimed';
      await recordAudit(manager, { actorId: user.id, action: renewal ? 'job.renewed' : 'job.claimed', subjectType: 'translation_job', subjectId: id });
      return this.view(manager, await manager.findOneByOrFail(TranslationJobEntity, { id }));
    });
  }

  release(id: string, user: Editor): Promise<JobView> {
    return this.dataSource.transaction(async (manager) => {
      const { job, article } = await this.lock(manager, id, user);
      const lease = effectiveLease(job);
      if (lease.status !== 'claimed') throw KalamError.conflict('job.not_claimed', { status: lease.status });
      if (!mayActAsHolder(user, lease.assigneeId, article, job.targetLocale)) throw KalamError.forbidden('job.held_by_other');
      await updateJob(manager, id, { status: 'open', assigneeId: null, claimedUntil: null });
      await recordAudit(manager, {
        actorId: user.id,
        action: 'job.released',
        subjectType: 'translation_job',
        subjectId: id,
        details: { holder: job.assigneeId },
      });
      return this.view(manager, await manager.findOneByOrFail(TranslationJobEntity, { id }));
    });
  }

  /**
   * Hands the translation in for review through the workflow's own submit (footnote checks,
   * If-Match on the translation's version); the workflow hook moves the job to in_review.
   */
  submit(
    id: string,
    translationVersion: number | undefined,
    user: Editor,
    input: { comment?: string; sourceRevisionId?: string } = {},
  ): Promise<{ job: JobView; result: TransitionResult }> {
    return this.dataSource.transaction(async (manager) => {
      const { job } = await this.lock(manager, id, user);
      const lease = effectiveLease(job);
      if (lease.status !== 'claimed' && lease.status !== 'open') throw KalamError.conflict('job.not_active', { status: lease.status });
      // Whether the caller may hand it in (holder or manager) is the workflow hook's check, made for every submit.
      // The translator may declare the text translates the job's revision (checked it against the diff,
      // nothing needed changing); a declaration about another revision means the source moved on meanwhile.
      if (input.sourceRevisionId && input.sourceRevisionId !== job.sourceRevisionId) {
        throw KalamError.conflict('job.source_moved', {}, { sourceRevisionId: job.sourceRevisionId });
      }
      const result = await this.transitions.applyIn(manager, job.articleId, job.targetLocale, 'submit', translationVersion, user, { comment: input.comment });
      if (input.sourceRevisionId) {
        await manager.update(ArticleTranslationEntity, { articleId: job.articleId, locale: job.targetLocale }, { sourceRevisionId: job.sourceRevisionId });
      }
      return { job: await this.view(manager, await manager.findOneByOrFail(TranslationJobEntity, { id })), result };
    });
  }

  /** Editors plan the work: assign (a claim on the assignee's behalf) or unassign, set priority and due date. */
  change(id: string, changes: JobChanges, expectedVersion: number | undefined, user: Editor): Promise<JobView> {
    return this.dataSource.transaction(async (manager) => {
      const { job, article } = await this.lock(manager, id, user);
      if (!canManageJobs(user, article, job.targetLocale)) throw KalamError.forbidden('job.forbidden', { locale: job.targetLocale });
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(job.version);
      if (expectedVersion !== job.version) throw KalamError.preconditionFailed(expectedVersion, job.version);
      if (changes.priority === undefined && changes.dueAt === undefined && changes.assigneeId === undefined) return this.view(manager, job);
      const set: Record<string, unknown> = {};
      if (changes.priority !== undefined) set.priority = changes.priority;
      if (changes.dueAt !== undefined) set.dueAt = changes.dueAt;
      if (changes.assigneeId !== undefined) {
        const lease = effectiveLease(job);
        if (lease.status !== 'open' && lease.status !== 'claimed') throw KalamError.conflict('job.not_assignable', { status: lease.status });
        if (changes.assigneeId === null) Object.assign(set, { status: 'open', assigneeId: null, claimedUntil: null });
        else {
          await this.assertAssignable(manager, changes.assigneeId, article, job.targetLocale);
          Object.assign(set, {
            status: 'claimed',
            assigneeId: changes.assigneeId,
            claimedUntil: leaseEndSql(this.config.leaseHours),
          });
        }
      }
      await updateJob(manager, id, set);
      const details = { ...changes, ...(changes.dueAt ? { dueAt: changes.dueAt.toISOString() } : {}) };
      await recordAudit(manager, { actorId: user.id, action: 'job.changed', subjectType: 'translation_job', subjectId: id, details });
      return this.view(manager, await manager.findOneByOrFail(TranslationJobEntity, { id }));
    });
  }

  /**
   * Locks the job's article (the order every writer follows: article, then job), then the job,
   * and checks the caller may see it.
   */
  async lock(manager: EntityManager, id: string, user: Editor): Promise<LockedJob> {
    const found = await manager.findOneBy(TranslationJobEntity, { id });
    if (!found) throw KalamError.notFound('job.not_found', { id });
    const article = await this.writer.lockParent(manager, ARTICLE_TEXT, found.articleId);
    const job = await manager.findOne(TranslationJobEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!job) throw KalamError.notFound('job.not_found', { id });
    if (!canWorkOnJob(user, article, job.targetLocale) && !canManageJobs(user, article, job.targetLocale)) {
      throw KalamError.forbidden('auth.locale_forbidden', { locale: job.targetLocale });
    }
    return { job, article };
  }

  async view(manager: EntityManager, job: TranslationJobEntity): Promise<JobView> {
    const lease = effectiveLease(job);
    const holder = lease.assigneeId
      ? await manager.findOne(UserEntity, { where: { id: lease.assigneeId }, select: { id: true, displayName: true, email: true } })
      : null;
    return jobView(job, holder ? (holder.displayName ?? holder.email) : null);
  }

  /** 409 naming the holder when someone else holds the job and the user does not manage its language. */
  async refuseIfHeldByOther(manager: EntityManager, job: TranslationJobEntity, article: ArticleEntity, user: Editor): Promise<void> {
    const lease = effectiveLease(job);
    if (lease.status === 'claimed' && !mayActAsHolder(user, lease.assigneeId, article, job.targetLocale)) await this.refuseClaim(manager, job.id);
  }

  /** 409 saying who holds the job until when, or that it is past claiming. */
  async refuseClaim(manager: EntityManager, id: string): Promise<never> {
    const job = await manager.findOneByOrFail(TranslationJobEntity, { id });
    const lease = effectiveLease(job);
    if (lease.status === 'claimed') {
      const holder = await manager.findOne(UserEntity, { where: { id: lease.assigneeId! }, select: { id: true, displayName: true, email: true } });
      const name = holder ? (holder.displayName ?? holder.email) : '?';
      const until = lease.claimedUntil!.toISOString();
      throw KalamError.conflict('job.claimed', { holder: name, until }, { holder: { id: lease.assigneeId, displayName: name }, claimedUntil: until });
    }
    throw KalamError.conflict('job.not_claimable', { status: lease.status });
  }

  private async assertAssignable(manager: EntityManager, userId: string, article: ArticleEntity, locale: string): Promise<void> {
    const assignee = await manager.findOneBy(UserEntity, { id: userId });
    const editor = assignee && { id: assignee.id, role: assignee.role, locales: assignee.locales };
    if (!assignee || !assignee.active || !editor || !canWorkIn(editor, locale) || !canWorkOnJob(editor, article, locale)) {
      throw KalamError.unprocessable('job.assignee_unsuitable', { locale }, [
        { field: 'assigneeId', code: 'errors.job.assignee_unsuitable', params: { locale } },
      ]);
    }
  }
}
