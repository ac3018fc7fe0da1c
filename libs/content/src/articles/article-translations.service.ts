import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { LocalesService, Messages } from '@kalam/i18n';
import { checkFootnotes, type FootnoteReport } from '../footnotes/footnote-checks';
import { citedFootnotes } from '../footnotes/footnote-references';
import { renderArticleBody } from '../markdown/render-markdown';
import { SourceEntity } from '../sources/source.entity';
import { canDeleteContent, canEditTranslation, type Editor } from '@kalam/auth';
import { ArticleTranslationEntity } from './article-translation.entity';
import { ArticlesService } from './articles.service';
import { ARTICLE_TEXT } from './article-text';
import { TranslatableWriter } from '../translatable/translatable-writer';
import type { PutTranslationDto } from './dto/article.dto';
import { articleEvent } from './article-event';
import { SlugHistoryEntity } from './slug-history.entity';

export interface TranslationDetail {
  translation: ArticleTranslationEntity;
  bodyHtml: string;
  previousSlugs: string[];
}

@Injectable()
export class ArticleTranslationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
    private readonly locales: LocalesService,
    private readonly messages: Messages,
    private readonly audit: AuditService,
    private readonly writer: TranslatableWriter,
  ) {}

  /**
   * Creates the locale's translation, or replaces its text when it exists; then the caller must
   * send the version they edited (If-Match). A changed slug is kept in the slug history.
   */
  async put(articleId: string, locale: string, input: PutTranslationDto, expectedVersion: number | undefined, user: Editor): Promise<{ translation: ArticleTranslationEntity; created: boolean }> {
    await this.locales.requireEnabled(locale);
    const fields = {
      title: input.title,
      subtitle: input.subtitle ?? null,
      summary: input.summary ?? null,
      body: input.body,
      seoTitle: input.seoTitle ?? null,
      seoDescription: input.seoDescription ?? null,
      updatedBy: user.id,
    };
    return this.dataSource.transaction(async (manager) => {
      const article = await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
      if (!canEditTranslation(user, article, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
      const write = await this.writer.put(manager, ARTICLE_TEXT, articleId, locale, { fields, slug: { given: input.slug, title: input.title } }, expectedVersion, user.id);
      const { row, previous } = write;
      if (!previous) await manager.delete(SlugHistoryEntity, { locale, slug: row.slug });
      else if (previous.slug !== row.slug) await this.retireSlug(manager, locale, previous.slug, row.slug, articleId);
      return { translation: row, created: write.created };
    });
  }

  async get(articleId: string, locale: string): Promise<TranslationDetail> {
    const translation = await this.require(articleId, locale);
    const [sources, history] = await Promise.all([
      this.dataSource.manager.find(SourceEntity, { where: { articleId }, order: { position: 'ASC' } }),
      this.dataSource.manager.find(SlugHistoryEntity, { where: { articleId, locale }, order: { retiredAt: 'DESC' } }),
    ]);
    const labels = { accessed: (date: string) => this.messages.t(locale, 'citation.accessed', { date }) };
    return { translation, bodyHtml: renderArticleBody(translation.body, sources, labels), previousSlugs: history.map((h) => h.slug) };
  }

  async remove(articleId: string, locale: string, user: Editor): Promise<void> {
    if (!canDeleteContent(user, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
    await this.dataSource.transaction(async (manager) => {
      await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
      const result = await manager.delete(ArticleTranslationEntity, { articleId, locale });
      if (!result.affected) throw KalamError.notFound('translation.not_found', { locale });
      await this.audit.record(articleEvent(user, 'translation.deleted', articleId, { locale }), manager);
    });
  }

  /** Footnote integrity of one translation, compared with the article's sources and source locale. */
  async checks(articleId: string, locale: string): Promise<FootnoteReport> {
    const article = await this.articles.require(articleId);
    const translation = await this.require(articleId, locale);
    const manager = this.dataSource.manager;
    const [sources, sourceTranslation] = await Promise.all([
      manager.find(SourceEntity, { where: { articleId }, select: { position: true }, order: { position: 'ASC' } }),
      locale === article.sourceLocale ? null : manager.findOneBy(ArticleTranslationEntity, { articleId, locale: article.sourceLocale }),
    ]);
    return checkFootnotes(
      citedFootnotes(translation.body),
      sources.map((s) => s.position),
      sourceTranslation ? citedFootnotes(sourceTranslation.body) : null,
    );
  }

  findBySlug(locale: string, slug: string): Promise<ArticleTranslationEntity | null> {
    return this.dataSource.manager.findOneBy(ArticleTranslationEntity, { locale, slug });
  }

  /** One query when the translation exists; only a miss looks further, to say which part is missing. */
  async require(articleId: string, locale: string): Promise<ArticleTranslationEntity> {
    const translation = await this.dataSource.manager.findOneBy(ArticleTranslationEntity, { articleId, locale });
    if (!translation) {
      await this.articles.require(articleId); // no article: article.not_found
      await this.locales.requireEnabled(locale); // an unknown locale is a 404 that lists the enabled ones
      throw KalamError.notFound('translation.not_found', { locale });
    }
    return translation;
  }

  /** Old links keep working: the old slug points at this article until another takes it. */
  private async retireSlug(manager: EntityManager, locale: string, oldSlug: string, newSlug: string, articleId: string): Promise<void> {
    await manager.delete(SlugHistoryEntity, { locale, slug: newSlug });
    await manager
      .createQueryBuilder()
      .insert()
      .into(SlugHistoryEntity)
      .values({ locale, slug: oldSlug, articleId })
      .orUpdate(['article_id', 'retired_at'], ['locale', 'slug'])
      .execute();
  }
}
