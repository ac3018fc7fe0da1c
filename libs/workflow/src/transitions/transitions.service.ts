import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { canPerform, type Editor, type WorkflowCapability } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import {
  ARTICLE_TEXT,
  ArticleTranslationsService,
  SlugHistoryEntity,
  TranslatableWriter,
  type ArticleEntity,
  type ArticleTranslationEntity,
} from '@kalam/content';
import { JobQueue } from '@kalam/database';
import { LocalesService } from '@kalam/i18n';
import { CommentsService } from '../comments/comments.service';
import { recordOutbox } from '../outbox/record-outbox';
import { RevisionsService } from '../revisions/revisions.service';
import { TransitionHooks } from './transition-hooks';
import { allowedTransitions, applyTransition, type Transition, type TranslationState } from './translation-state-machine';

const CAPABILITY: Record<Transition, WorkflowCapability> = {
  submit: 'submit',
  approve: 'review',
  'request-changes': 'review',
  publish: 'publish',
  unpublish: 'publish',
  archive: 'shelve',
  reopen: 'shelve',
};

const PAST: Record<Transition, string> = {
  submit: 'submitted',
  approve: 'approved',
  'request-changes': 'changes_requested',
  publish: 'published',
  unpublish: 'unpublished',
  archive: 'archived',
  reopen: 'reopened',
};

export interface TransitionInput {
  /** Required by request-changes (what the author should change); a note on any other step. Kept as a review comment. */
  comment?: string;
  /** With publish: do it at this time instead of now. */
  publishAt?: Date;
  /** With unpublish: do it at this time instead of now. */
  unpublishAt?: Date;
}

/** What the scheduler is asked to do, and when; `at` lets it skip a job whose schedule was changed since. */
export interface ScheduledTransition {
  articleId: string;
  locale: string;
  transition: 'publish' | 'unpublish';
  at: string;
}

export interface TransitionResult {
  translation: ArticleTranslationEntity;
  allowed: Transition[];
}

export const stateOf = (translation: ArticleTranslationEntity): TranslationState => ({ status: translation.status, live: translation.liveRevisionId !== null });

/** 409 listing the steps open from where the translation is. */
function notAllowed(current: ArticleTranslationEntity, transition: Transition): KalamError {
  const allowed = allowedTransitions(stateOf(current));
  return KalamError.conflict(
    'workflow.transition_not_allowed',
    { transition, status: current.status, allowed: allowed.join(', ') || '—' },
    { details: { allowed } },
  );
}

/**
 * Moves one translation through the workflow. Each step is one transaction under the article's
 * lock: the caller must hold the version they saw (If-Match), so nobody approves or publishes text
 * they have not read; the status, the live revision, slug history, the audit entry and the outbox
 * event commit together or not at all.
 */
@Injectable()
export class TransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: TranslatableWriter,
    private readonly translations: ArticleTranslationsService,
    private readonly revisions: RevisionsService,
    private readonly comments: CommentsService,
    private readonly locales: LocalesService,
    private readonly jobs: JobQueue,
    private readonly hooks: TransitionHooks,
  ) {}

  async apply(
    articleId: string,
    locale: string,
    transition: Transition,
    expectedVersion: number | undefined,
    user: Editor,
    input: TransitionInput = {},
  ): Promise<TransitionResult> {
    await this.locales.requireEnabled(locale);
    return this.dataSource.transaction((manager) => this.applyIn(manager, articleId, locale, transition, expectedVersion, user, input));
  }

  /** `apply` inside the caller's transaction (a translation job's submit checks the job under the same lock). */
  async applyIn(
    manager: EntityManager,
    articleId: string,
    locale: string,
    transition: Transition,
    expectedVersion: number | undefined,
    user: Editor,
    input: TransitionInput = {},
  ): Promise<TransitionResult> {
    const article = await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
    const current = await this.writer.find(manager, ARTICLE_TEXT, articleId, locale);
    if (!current) throw KalamError.notFound('translation.not_found', { locale });
    if (!canPerform(user, article, locale, CAPABILITY[transition])) throw KalamError.forbidden('workflow.forbidden', { transition, locale });
    if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
    if (expectedVersion !== current.version) throw KalamError.preconditionFailed(expectedVersion, current.version);
    const at = transition === 'publish' ? input.publishAt : transition === 'unpublish' ? input.unpublishAt : undefined;
    if (at && at.getTime() > Date.now()) return this.schedule(manager, current, transition as ScheduledTransition['transition'], at, user);
    return this.applyLocked(manager, article, current, transition, user, input);
  }

  /**
   * The step itself, for a caller holding the article's lock and having checked who may do it
   * (the scheduler publishes as the system, at the time an editor chose).
   */
  async applyLocked(
    manager: EntityManager,
    article: ArticleEntity,
    current: ArticleTranslationEntity,
    transition: Transition,
    user: Editor,
    input: TransitionInput = {},
  ): Promise<TransitionResult> {
    const { articleId, locale } = current;
    const outcome = applyTransition(stateOf(current), transition);
    if (!outcome) throw notAllowed(current, transition);
    if (transition === 'submit') await this.assertFootnotes(manager, articleId, locale);
    if (transition === 'request-changes' && !input.comment?.trim()) {
      throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'comment', code: 'validation.isNotEmpty' }]);
    }

    const changes: Partial<ArticleTranslationEntity> = { status: outcome.status };
    if (outcome.live === 'publish') Object.assign(changes, await this.goLive(manager, current, user));
    if (outcome.live === 'withdraw') Object.assign(changes, { liveRevisionId: null, liveSlug: null, publishAt: null, unpublishAt: null });

    const details = { from: current.status, to: outcome.status, ...(outcome.live === 'keep' ? {} : { live: outcome.live }) };
    const { row } = await this.writer.upsert(manager, ARTICLE_TEXT, articleId, locale, { fields: changes }, user.id, PAST[transition], details);
    // request-changes must say why; any other step may carry a note ("approved, nice work").
    if (input.comment?.trim()) {
      await this.comments.addIn(manager, row, { body: input.comment.trim() }, user, await this.revisions.latestId(manager, articleId, locale));
    }
    if (outcome.live === 'publish') {
      // Publishing over a live revision replaces it: receivers see an update, not a first appearance.
      await recordOutbox(manager, {
        type: current.liveRevisionId ? 'translation.updated' : 'translation.published',
        articleId,
        locale,
        payload: { slug: row.liveSlug, revisionId: row.liveRevisionId, sourceLocale: article.sourceLocale },
      });
    } else if (outcome.live === 'withdraw' && current.liveRevisionId) {
      await recordOutbox(manager, {
        type: 'translation.unpublished',
        articleId,
        locale,
        payload: { slug: current.liveSlug, revisionId: current.liveRevisionId },
      });
    }
    await this.hooks.run({ manager, article, before: current, after: row, transition, user });
    return { translation: row, allowed: allowedTransitions(stateOf(row)) };
  }

  /**
   * Records when the step is to happen and enqueues the job in the same transaction; the worker
   * performs it then (ScheduledTransitionsRunner). Scheduling again replaces the time: the job
   * carrying the old time finds it changed and does nothing.
   */
  private async schedule(
    manager: EntityManager,
    current: ArticleTranslationEntity,
    transition: ScheduledTransition['transition'],
    at: Date,
    user: Editor,
  ): Promise<TransitionResult> {
    if (!applyTransition(stateOf(current), transition)) throw notAllowed(current, transition);
    const { articleId, locale } = current;
    const fields = transition === 'publish' ? { publishAt: at } : { unpublishAt: at };
    const { row } = await this.writer.upsert(manager, ARTICLE_TEXT, articleId, locale, { fields }, user.id, `${transition}_scheduled`, {
      at: at.toISOString(),
    });
    const job: ScheduledTransition = { articleId, locale, transition, at: at.toISOString() };
    await this.jobs.send(manager, 'translation-schedule', job, at);
    return { translation: row, allowed: allowedTransitions(stateOf(row)) };
  }

  /** Submitting text whose footnotes cite missing sources is refused, naming the footnotes. */
  private async assertFootnotes(manager: EntityManager, articleId: string, locale: string): Promise<void> {
    const report = await this.translations.checks(articleId, locale, manager);
    if (report.errors.length) {
      throw KalamError.unprocessable(
        'workflow.footnotes_invalid',
        { footnotes: report.errors.map((e) => e.footnote).join(', ') },
        report.errors.map((e) => ({
          field: 'body',
          code: `footnotes.${e.code}`,
          params: { footnote: e.footnote },
          data: { code: e.code, footnote: e.footnote },
        })),
      );
    }
  }

  /**
   * The working text becomes the live revision: the newest revision when it holds this very text
   * and sources, otherwise a new one (footnotes renumbered since the last save, say). A live slug that
   * changes retires into the slug history, so old links redirect; the new one leaves the history.
   */
  private async goLive(manager: EntityManager, current: ArticleTranslationEntity, user: Editor): Promise<Partial<ArticleTranslationEntity>> {
    const revision = await this.revisions.current(manager, current, user.id);
    const { locale, articleId, slug } = current;
    const taken = await manager
      .createQueryBuilder()
      .select('1')
      .from('article_translation', 't')
      .where('t.locale = :locale AND t.live_slug = :slug AND t.article_id <> :articleId', { locale, slug, articleId })
      .getRawOne<unknown>();
    if (taken) throw KalamError.conflict('article.slug_taken', { slug, locale });
    if (current.liveSlug && current.liveSlug !== slug) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(SlugHistoryEntity)
        .values({ locale, slug: current.liveSlug, articleId })
        .orUpdate(['article_id', 'retired_at'], ['locale', 'slug'])
        .execute();
    }
    await manager.delete(SlugHistoryEntity, { locale, slug });
    return { liveRevisionId: revision.id, liveSlug: slug, publishedAt: new Date(), publishAt: null };
  }
}
