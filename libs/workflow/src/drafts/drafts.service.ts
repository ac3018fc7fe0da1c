import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Editor } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import {
  ARTICLE_TEXT,
  ArticleTranslationsService,
  TranslatableWriter,
  type ArticleTranslationEntity,
  type PutTranslationDto,
  type RevisionEntity,
} from '@kalam/content';
import { statusAfterEdit } from '../transitions/translation-state-machine';
import { RevisionsService } from '../revisions/revisions.service';
import { DraftHooks } from './draft-hooks';
import { draftInput, textDiffers } from './draft-text';

export interface SavedDraft {
  translation: ArticleTranslationEntity;
  created: boolean;
  /** The revision this save recorded; null when the text did not change. */
  revision: RevisionEntity | null;
}

/**
 * Saving a translation's text, the one way it happens (admin API and imports alike): the text,
 * the status it implies and an immutable revision are written in one transaction, under the
 * article's lock. Editing live text edits the working draft; the live revision keeps serving.
 */
@Injectable()
export class DraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly translations: ArticleTranslationsService,
    private readonly writer: TranslatableWriter,
    private readonly revisions: RevisionsService,
    private readonly hooks: DraftHooks,
  ) {}

  save(articleId: string, locale: string, input: PutTranslationDto, expectedVersion: number | undefined, user: Editor): Promise<SavedDraft> {
    return this.dataSource.transaction((manager) => this.saveIn(manager, articleId, locale, input, expectedVersion, user));
  }

  /** `save` inside the caller's transaction (restoring a revision is a save too). */
  async saveIn(
    manager: EntityManager,
    articleId: string,
    locale: string,
    input: PutTranslationDto,
    expectedVersion: number | undefined,
    user: Editor,
    message?: string,
  ): Promise<SavedDraft> {
    const article = await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
    await this.hooks.beforeSave({ manager, article, locale, user });
    const current = await this.writer.find(manager, ARTICLE_TEXT, articleId, locale);
    const changed = !current || textDiffers(current, input);
    let extra: Partial<Pick<ArticleTranslationEntity, 'status' | 'publishAt'>> = {};
    if (current && changed) {
      const status = statusAfterEdit(current.status);
      if (!status) throw KalamError.conflict('workflow.archived', { locale }, { allowed: ['reopen'] });
      // A scheduled publish was of the approved text; new text needs approving again.
      extra = { status, publishAt: null };
    }
    const write = await this.translations.write(manager, articleId, locale, input, expectedVersion, user, extra);
    const revision = changed ? await this.revisions.record(manager, write.row, user.id, message ?? input.message ?? null) : null;
    if (changed) await this.hooks.afterSave({ manager, article, locale, user });
    return { translation: write.row, created: write.created, revision };
  }

  /**
   * Restoring an old revision is a save of its text as a new draft (and so a new revision): history
   * is never rewritten. The caller sends the current version, like any edit.
   */
  restore(articleId: string, locale: string, revisionId: string, expectedVersion: number | undefined, user: Editor): Promise<SavedDraft> {
    return this.dataSource.transaction(async (manager) => {
      await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
      const old = await this.revisions.get(articleId, locale, revisionId, manager);
      const input = draftInput(old.snapshot);
      if (expectedVersion === undefined) throw KalamError.preconditionRequired((await this.writer.find(manager, ARTICLE_TEXT, articleId, locale))!.version);
      return this.saveIn(manager, articleId, locale, input, expectedVersion, user, `Restored revision ${old.number}`);
    });
  }
}
