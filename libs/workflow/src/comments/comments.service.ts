import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { canPerform, UserEntity, type Editor } from '@kalam/auth';
import { KalamError, recordAudit } from '@kalam/core';
import { ARTICLE_TEXT, TranslatableWriter, type ArticleEntity, type ArticleTranslationEntity } from '@kalam/content';
import type { CreateCommentDto } from './dto/comment.dto';
import { RevisionsService } from '../revisions/revisions.service';
import { ReviewCommentEntity } from './review-comment.entity';

/**
 * Review comments on one translation. Whoever takes part in its workflow (may write it, or may
 * review it) reads, writes, replies to and resolves them; a comment id from another article or
 * locale is a 404.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: TranslatableWriter,
    private readonly revisions: RevisionsService,
  ) {}

  async list(articleId: string, locale: string, user: Editor): Promise<ReviewCommentEntity[]> {
    const manager = this.dataSource.manager;
    await this.participant(manager, articleId, locale, user, false);
    return manager.find(ReviewCommentEntity, { where: { articleId, locale }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The names comments are signed with, in one query for a whole thread list. */
  async authorNames(comments: ReviewCommentEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(comments.map((c) => c.authorId).filter((id): id is string => id !== null))];
    if (!ids.length) return new Map();
    const users = await this.dataSource.manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true, email: true } });
    return new Map(users.map((u) => [u.id, u.displayName || u.email]));
  }

  create(articleId: string, locale: string, input: CreateCommentDto, user: Editor): Promise<ReviewCommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const translation = await this.participant(manager, articleId, locale, user, true);
      return this.addIn(manager, translation, input, user, await this.revisions.latestId(manager, articleId, locale));
    });
  }

  reply(articleId: string, locale: string, parentId: string, body: string, user: Editor): Promise<ReviewCommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const translation = await this.participant(manager, articleId, locale, user, true);
      const parent = await this.require(manager, articleId, locale, parentId);
      return this.addIn(
        manager,
        translation,
        { body, field: (parent.field as CreateCommentDto['field']) ?? undefined, paragraph: parent.paragraph ?? undefined },
        user,
        parent.revisionId,
        parent.parentId ?? parent.id,
      );
    });
  }

  resolve(articleId: string, locale: string, id: string, user: Editor): Promise<ReviewCommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.participant(manager, articleId, locale, user, true);
      const comment = await this.require(manager, articleId, locale, id);
      if (comment.resolvedAt) return comment;
      await manager.update(ReviewCommentEntity, { id }, { resolvedAt: () => 'now()', resolvedBy: user.id });
      await recordAudit(manager, {
        actorId: user.id,
        action: 'comment.resolved',
        subjectType: 'article',
        subjectId: articleId,
        details: { locale, commentId: id },
      });
      return manager.findOneByOrFail(ReviewCommentEntity, { id });
    });
  }

  /** Adds a comment inside the caller's transaction (request-changes writes its reason this way). */
  async addIn(
    manager: EntityManager,
    translation: ArticleTranslationEntity,
    input: CreateCommentDto,
    user: Editor,
    revisionId: string | null,
    parentId: string | null = null,
  ): Promise<ReviewCommentEntity> {
    const { articleId, locale } = translation;
    const id = (
      await manager.insert(ReviewCommentEntity, {
        articleId,
        locale,
        revisionId,
        parentId,
        field: input.field ?? (input.paragraph ? 'body' : null),
        paragraph: input.paragraph ?? null,
        body: input.body,
        authorId: user.id,
      })
    ).identifiers[0].id as string;
    await recordAudit(manager, {
      actorId: user.id,
      action: parentId ? 'comment.replied' : 'comment.created',
      subjectType: 'article',
      subjectId: articleId,
      details: { locale, commentId: id },
    });
    return manager.findOneByOrFail(ReviewCommentEntity, { id });
  }

  /** The translation, when the user takes part in its workflow; writes lock the article like every other change to it. */
  private async participant(manager: EntityManager, articleId: string, locale: string, user: Editor, lock: boolean): Promise<ArticleTranslationEntity> {
    const article: ArticleEntity | null = lock
      ? await this.writer.lockParent(manager, ARTICLE_TEXT, articleId)
      : await manager.findOne(ARTICLE_TEXT.parent, { where: { id: articleId } });
    if (!article) throw KalamError.notFound('article.not_found', { id: articleId });
    const translation = await this.writer.find(manager, ARTICLE_TEXT, articleId, locale);
    if (!translation) throw KalamError.notFound('translation.not_found', { locale });
    if (!canPerform(user, article, locale, 'submit') && !canPerform(user, article, locale, 'review'))
      throw KalamError.forbidden('auth.locale_forbidden', { locale });
    return translation;
  }

  private async require(manager: EntityManager, articleId: string, locale: string, id: string): Promise<ReviewCommentEntity> {
    const comment = await manager.findOneBy(ReviewCommentEntity, { id, articleId, locale });
    if (!comment) throw KalamError.notFound('comment.not_found', { id });
    return comment;
  }
}
