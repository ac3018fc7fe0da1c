import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, Repository, type EntityManager } from 'typeorm';
import { AuditService } from '@kalam/auth';
import { assertIfMatchWhenGiven, escapeLike, KalamError } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { AuthorEntity } from '../authors/author.entity';
import { pageWindow, type Page } from '../common/pagination';
import { MediaEntity } from '../media/media.entity';
import { MediaService } from '../media/media.service';
import { SourceEntity } from '../sources/source.entity';
import { TagEntity } from '../tags/tag.entity';
import { TagsService } from '../tags/tags.service';
import { ArticleAuthorEntity } from './article-author.entity';
import { articleEvent } from './article-event';
import { canDeleteContent, canManageArticle, type Editor } from '@kalam/auth';
import { ArticleTagEntity } from './article-tag.entity';
import { ArticleTranslationEntity } from './article-translation.entity';
import { ArticleEntity } from './article.entity';
import { ARTICLE_TEXT } from './article-text';
import { TranslatableWriter } from '../translatable/translatable-writer';
import type { ArticleListQueryDto, CreateArticleDto, UpdateArticleDto } from './dto/article.dto';
import { ContentChangeHooks } from '../common/content-change-hooks';

/** An article with everything an editor sees on its page. */
export interface ArticleView {
  article: ArticleEntity;
  translations: ArticleTranslationEntity[];
  authors: AuthorEntity[];
  tags: TagEntity[];
  hero: MediaEntity | null;
  sources: SourceEntity[];
}

@Injectable()
export class ArticlesService {
  constructor(
    @InjectRepository(ArticleEntity) private readonly articles: Repository<ArticleEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locales: LocalesService,
    private readonly tags: TagsService,
    private readonly media: MediaService,
    private readonly audit: AuditService,
    private readonly writer: TranslatableWriter,
    private readonly changes: ContentChangeHooks,
  ) {}

  async create(input: CreateArticleDto, user: Editor): Promise<ArticleView> {
    await this.locales.requireEnabled(input.sourceLocale);
    if (user.role === 'translator' || !canManageArticle(user, { sourceLocale: input.sourceLocale, createdBy: user.id })) {
      throw KalamError.forbidden('auth.locale_forbidden', { locale: input.sourceLocale });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await this.requireAuthors(input.authorIds, manager);
      await this.tags.requireAll(input.tagIds ?? [], manager);
      if (input.heroMediaId) await this.media.requireExists(input.heroMediaId, manager);
      const article = await manager
        .getRepository(ArticleEntity)
        .save(manager.getRepository(ArticleEntity).create({ sourceLocale: input.sourceLocale, heroMediaId: input.heroMediaId ?? null, createdBy: user.id }));
      await this.replaceLinks(manager, article.id, input.authorIds, input.tagIds ?? []);
      await this.audit.record(articleEvent(user, 'article.created', article.id, { sourceLocale: input.sourceLocale }), manager);
      return article.id;
    });
    return this.view(id);
  }

  async update(id: string, input: UpdateArticleDto, expectedVersion: number | undefined, user: Editor): Promise<ArticleView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.writer.lockParent(manager, ARTICLE_TEXT, id);
      if (!canManageArticle(user, current)) throw KalamError.forbidden();
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
      if (expectedVersion !== current.version) throw KalamError.preconditionFailed(expectedVersion, current.version);
      if (input.authorIds) await this.requireAuthors(input.authorIds, manager);
      if (input.tagIds) await this.tags.requireAll(input.tagIds, manager);
      if (input.heroMediaId) await this.media.requireExists(input.heroMediaId, manager);
      const changes = input.heroMediaId !== undefined ? { heroMediaId: input.heroMediaId } : {};
      await manager.update(ArticleEntity, { id }, { ...changes, version: () => 'version + 1' });
      await this.replaceLinks(manager, id, input.authorIds, input.tagIds);
      await this.audit.record(articleEvent(user, 'article.updated', id, { ...input, version: current.version + 1 }), manager);
      await this.changes.run({ manager, kind: 'article', id });
    });
    return this.view(id);
  }

  async remove(id: string, user: Editor, expectedVersion?: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const article = await this.writer.lockParent(manager, ARTICLE_TEXT, id);
      if (!canDeleteContent(user, article.sourceLocale)) throw KalamError.forbidden();
      assertIfMatchWhenGiven(expectedVersion, article.version);
      // Live translations go through unpublish first, so readers (and webhooks) learn they are gone.
      const live = await manager.find(ArticleTranslationEntity, {
        where: { articleId: id, liveRevisionId: Not(IsNull()) },
        select: { locale: true },
        order: { locale: 'ASC' },
      });
      if (live.length) throw KalamError.conflict('article.live', { locales: live.map((t) => t.locale).join(', ') }, { locales: live.map((t) => t.locale) });
      await manager.delete(ArticleEntity, { id });
      await this.audit.record(articleEvent(user, 'article.deleted', id), manager);
    });
  }

  async require(id: string, manager: EntityManager = this.dataSource.manager): Promise<ArticleEntity> {
    const article = await manager.getRepository(ArticleEntity).findOneBy({ id });
    if (!article) throw KalamError.notFound('article.not_found', { id });
    return article;
  }

  async view(id: string): Promise<ArticleView> {
    const article = await this.require(id);
    const [views] = await this.views([article]);
    return views;
  }

  /**
   * Articles filtered by a translation's status/locale/text, an author or a tag, newest first.
   * Two queries for the page and the total (TypeORM's getManyAndCount), then one per related table for the whole page.
   */
  async list(query: ArticleListQueryDto): Promise<Page<ArticleView>> {
    const { page, limit, offset } = pageWindow(query);
    const qb = this.articles.createQueryBuilder('a');
    if (query.status || query.locale || query.q) {
      const conditions = ['t.article_id = a.id'];
      if (query.status) conditions.push('t.status = :status');
      if (query.locale) conditions.push('t.locale = :locale');
      if (query.q) conditions.push('(t.title ILIKE :q OR t.summary ILIKE :q)');
      qb.andWhere(`EXISTS (SELECT 1 FROM article_translation t WHERE ${conditions.join(' AND ')})`, {
        status: query.status,
        locale: query.locale,
        q: query.q ? `%${escapeLike(query.q)}%` : undefined,
      });
    }
    if (query.author) qb.andWhere('EXISTS (SELECT 1 FROM article_author aa WHERE aa.article_id = a.id AND aa.author_id = :author)', { author: query.author });
    if (query.tag) qb.andWhere('EXISTS (SELECT 1 FROM article_tag at WHERE at.article_id = a.id AND at.tag_id = :tag)', { tag: query.tag });
    const [articles, total] = await qb.orderBy('a.createdAt', 'DESC').addOrderBy('a.id').skip(offset).take(limit).getManyAndCount();
    return { items: await this.views(articles), page, limit, total };
  }

  private async views(articles: ArticleEntity[]): Promise<ArticleView[]> {
    if (!articles.length) return [];
    const ids = articles.map((article) => article.id);
    const manager = this.dataSource.manager;
    const [translations, authorLinks, tagLinks, sources] = await Promise.all([
      manager.find(ArticleTranslationEntity, { where: { articleId: In(ids) }, order: { locale: 'ASC' } }),
      manager.find(ArticleAuthorEntity, { where: { articleId: In(ids) }, order: { position: 'ASC' } }),
      manager.find(ArticleTagEntity, { where: { articleId: In(ids) } }),
      manager.find(SourceEntity, { where: { articleId: In(ids) }, order: { position: 'ASC' } }),
    ]);
    const heroIds = articles.map((article) => article.heroMediaId).filter((id): id is string => Boolean(id));
    const [authors, tags, heroes] = await Promise.all([
      authorLinks.length ? manager.find(AuthorEntity, { where: { id: In(authorLinks.map((l) => l.authorId)) } }) : [],
      tagLinks.length ? manager.find(TagEntity, { where: { id: In(tagLinks.map((l) => l.tagId)) }, relations: { translations: true } }) : [],
      heroIds.length ? manager.find(MediaEntity, { where: { id: In(heroIds) }, relations: { translations: true } }) : [],
    ]);
    return articles.map((article) => ({
      article,
      translations: translations.filter((t) => t.articleId === article.id),
      // The reads above are not one snapshot: a tag deleted between them leaves a link to nothing, which is dropped.
      authors: authorLinks.filter((l) => l.articleId === article.id).flatMap((l) => authors.filter((a) => a.id === l.authorId)),
      tags: tagLinks.filter((l) => l.articleId === article.id).flatMap((l) => tags.filter((t) => t.id === l.tagId)),
      hero: heroes.find((m) => m.id === article.heroMediaId) ?? null,
      sources: sources.filter((s) => s.articleId === article.id),
    }));
  }

  /** Unknown ids are a 422; the found authors are share-locked so none is deleted before this transaction links it. */
  private async requireAuthors(ids: readonly string[], manager: EntityManager): Promise<void> {
    const found: { id: string }[] = await manager.query('SELECT id FROM author WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE', [[...ids]]);
    const missing = ids.filter((id) => !found.some((author) => author.id === id));
    if (missing.length) throw KalamError.unprocessable('article.unknown_authors', { ids: missing.join(', ') });
  }

  private async replaceLinks(manager: EntityManager, articleId: string, authorIds?: readonly string[], tagIds?: readonly string[]): Promise<void> {
    if (authorIds) {
      await manager.delete(ArticleAuthorEntity, { articleId });
      await manager.insert(
        ArticleAuthorEntity,
        authorIds.map((authorId, index) => ({ articleId, authorId, position: index + 1 })),
      );
    }
    if (tagIds) {
      await manager.delete(ArticleTagEntity, { articleId });
      if (tagIds.length)
        await manager.insert(
          ArticleTagEntity,
          tagIds.map((tagId) => ({ articleId, tagId })),
        );
    }
  }
}
