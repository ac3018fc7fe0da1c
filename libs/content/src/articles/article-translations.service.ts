import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { AuditService } from '@kalam/auth';
import { assertIfMatchWhenGiven, KalamError } from '@kalam/core';
import { formatCalendarDate, LocalesService, Messages } from '@kalam/i18n';
import { checkFootnotes, type FootnoteReport } from '../footnotes/footnote-checks';
import { citedFootnotes } from '../footnotes/footnote-references';
import { renderArticleBody } from '../markdown/render-markdown';
import { SourceEntity } from '../sources/source.entity';
import { canDeleteContent, canEditTranslation, type Editor } from '@kalam/auth';
import { ArticleTranslationEntity } from './article-translation.entity';
import { ArticlesService } from './articles.service';
import { ARTICLE_TEXT } from './article-text';
import { TranslatableWriter, type TranslationWrite } from '../translatable/translatable-writer';
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
   * send the version they edited (If-Match). Runs in the caller's transaction (the workflow's, which
   * also moves the status and records a revision); `extra` columns are written in the same update.
   * Slugs retire at publish time, not here: the live slug keeps working while a new one is drafted.
   */
  async write(
    manager: EntityManager,
    articleId: string,
    locale: string,
    input: PutTranslationDto,
    expectedVersion: number | undefined,
    user: Editor,
    extra: Partial<Pick<ArticleTranslationEntity, 'status' | 'publishAt'>> = {},
  ): Promise<TranslationWrite<ArticleTranslationEntity>> {
    await this.locales.requireEnabled(locale, manager);
    const article = await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
    if (!canEditTranslation(user, article, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
    const fields = {
      title: input.title,
      subtitle: input.subtitle ?? null,
      summary: input.summary ?? null,
      body: input.body,
      seoTitle: input.seoTitle ?? null,
      seoDescription: input.seoDescription ?? null,
      updatedBy: user.id,
      ...extra,
    };
    const slug = { given: input.slug, title: input.title, alsoTaken: (candidate: string) => this.liveSlugTaken(manager, locale, candidate, articleId) };
    return this.writer.put(manager, ARTICLE_TEXT, articleId, locale, { fields, slug }, expectedVersion, user.id);
  }

  async get(articleId: string, locale: string): Promise<TranslationDetail> {
    const translation = await this.require(articleId, locale);
    const [sources, history] = await Promise.all([
      this.dataSource.manager.find(SourceEntity, { where: { articleId }, order: { position: 'ASC' } }),
      this.dataSource.manager.find(SlugHistoryEntity, { where: { articleId, locale }, order: { retiredAt: 'DESC' } }),
    ]);
    const labels = { accessed: (date: string) => this.messages.t(locale, 'citation.accessed', { date: formatCalendarDate(date, locale) }) };
    return { translation, bodyHtml: renderArticleBody(translation.body, sources, labels), previousSlugs: history.map((h) => h.slug) };
  }

  async remove(articleId: string, locale: string, user: Editor, expectedVersion?: number): Promise<void> {
    if (!canDeleteContent(user, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
    await this.dataSource.transaction(async (manager) => {
      await this.writer.lockParent(manager, ARTICLE_TEXT, articleId);
      const row = await manager.findOneBy(ArticleTranslationEntity, { articleId, locale });
      if (!row) throw KalamError.notFound('translation.not_found', { locale });
      assertIfMatchWhenGiven(expectedVersion, row.version);
      // Readers must learn that live text goes (the unpublish step records it); a delete would not tell them.
      if (row.liveRevisionId) throw KalamError.conflict('translation.live', { locale });
      const result = await manager.delete(ArticleTranslationEntity, { articleId, locale });
      if (!result.affected) throw KalamError.notFound('translation.not_found', { locale });
      await this.audit.record(articleEvent(user, 'translation.deleted', articleId, { locale }), manager);
    });
  }

  /** Footnote integrity of one translation, compared with the article's sources and source locale. */
  async checks(articleId: string, locale: string, manager: EntityManager = this.dataSource.manager): Promise<FootnoteReport> {
    const article = await this.articles.require(articleId, manager);
    const translation = await this.require(articleId, locale, manager);
    // One after another: inside a transaction the manager is one connection, which runs one query at a time.
    const sources = await manager.find(SourceEntity, { where: { articleId }, select: { position: true }, order: { position: 'ASC' } });
    const sourceTranslation =
      locale === article.sourceLocale ? null : await manager.findOneBy(ArticleTranslationEntity, { articleId, locale: article.sourceLocale });
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
  async require(articleId: string, locale: string, manager: EntityManager = this.dataSource.manager): Promise<ArticleTranslationEntity> {
    const translation = await manager.findOneBy(ArticleTranslationEntity, { articleId, locale });
    if (!translation) {
      await this.articles.require(articleId); // no article: article.not_found
      await this.locales.requireEnabled(locale); // an unknown locale is a 404 that lists the enabled ones
      throw KalamError.notFound('translation.not_found', { locale });
    }
    return translation;
  }

  /** A working slug may not be another article's live slug either: one slug, one article, per locale. */
  private liveSlugTaken(manager: EntityManager, locale: string, slug: string, articleId: string): Promise<boolean> {
    return manager.existsBy(ArticleTranslationEntity, { locale, liveSlug: slug, articleId: Not(articleId) });
  }
}
