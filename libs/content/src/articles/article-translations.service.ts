import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { AuditService } from '@kalam/auth';
import { isUniqueViolation, KalamError, updateVersioned } from '@kalam/core';
import { LocalesService, Messages } from '@kalam/i18n';
import { chooseSlug } from '../common/unique-slug';
import { checkFootnotes, type FootnoteReport } from '../footnotes/footnote-checks';
import { citedFootnotes } from '../footnotes/footnote-references';
import { renderArticleBody } from '../markdown/render-markdown';
import { SourceEntity } from '../sources/source.entity';
import { canDeleteContent, canEditTranslation, type Editor } from './article-permissions';
import { ArticleTranslationEntity } from './article-translation.entity';
import { ArticlesService } from './articles.service';
import type { PutTranslationDto } from './dto/article.dto';
import { articleEvent } from './article-event';
import { SlugHistoryEntity } from './slug-history.entity';

const SLUG_INDEX = 'article_translation_locale_slug_uq';

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
  ) {}

  /**
   * Creates the locale's translation, or replaces its text when it exists; then the caller must
   * send the version they edited (If-Match). A changed slug is kept in the slug history.
   */
  async put(articleId: string, locale: string, input: PutTranslationDto, expectedVersion: number | undefined, user: Editor): Promise<{ translation: ArticleTranslationEntity; created: boolean }> {
    await this.locales.requireEnabled(locale);
    const article = await this.articles.require(articleId);
    if (!canEditTranslation(user, article, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
    const text = {
      title: input.title,
      subtitle: input.subtitle ?? null,
      summary: input.summary ?? null,
      body: input.body,
      seoTitle: input.seoTitle ?? null,
      seoDescription: input.seoDescription ?? null,
      updatedBy: user.id,
    };
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(ArticleTranslationEntity);
        const current = await repo.findOneBy({ articleId, locale });
        if (!current) {
          const slug = await chooseSlug(input.slug, input.title, locale, (s) => this.slugTaken(manager, locale, s, articleId), 'article.slug_taken');
          // Only a concurrent create of this same translation is ignored; a slug clash still raises 23505.
          const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(ArticleTranslationEntity)
            .values({ articleId, locale, slug, ...text })
            .onConflict('("article_id", "locale") DO NOTHING')
            .execute();
          if (!(inserted.raw as unknown[]).length) {
            // Someone created it a moment ago: this writer edited nothing that exists yet.
            const winner = await repo.findOneByOrFail({ articleId, locale });
            throw expectedVersion === undefined ? KalamError.preconditionRequired(winner.version) : KalamError.preconditionFailed(expectedVersion, winner.version);
          }
          await manager.delete(SlugHistoryEntity, { locale, slug });
          await this.audit.record(articleEvent(user, 'translation.created', articleId, { locale, slug, version: 1 }), manager);
          return { translation: await repo.findOneByOrFail({ articleId, locale }), created: true };
        }
        if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
        const slug = input.slug ?? current.slug;
        const result = await updateVersioned(manager, ArticleTranslationEntity, { articleId, locale }, expectedVersion, { ...text, slug });
        if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
        if (result.outcome === 'missing') throw KalamError.notFound('translation.not_found', { locale });
        if (slug !== current.slug) await this.retireSlug(manager, locale, current.slug, slug, articleId);
        await this.audit.record(articleEvent(user, 'translation.updated', articleId, { locale, slug, version: result.row.version }), manager);
        return { translation: result.row, created: false };
      });
    } catch (error) {
      if (isUniqueViolation(error, SLUG_INDEX)) throw KalamError.conflict('article.slug_taken', { slug: input.slug, locale });
      throw error;
    }
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

  private slugTaken(manager: EntityManager, locale: string, slug: string, articleId: string): Promise<boolean> {
    return manager.existsBy(ArticleTranslationEntity, { locale, slug, articleId: Not(articleId) });
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
