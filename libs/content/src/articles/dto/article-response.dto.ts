import { ApiProperty } from '@nestjs/swagger';
import { MediaResponseDto } from '../../media/dto/media.dto';
import { SourceResponseDto } from '../../sources/dto/source.dto';
import { TagResponseDto } from '../../tags/dto/tag.dto';
import type { ArticleTranslationEntity } from '../article-translation.entity';
import type { ArticleView } from '../articles.service';
import type { TranslationDetail } from '../article-translations.service';

export class TranslationSummaryDto {
  @ApiProperty() locale: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) subtitle: string | null;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ description: 'Workflow status of the working copy.' }) status: string;
  @ApiProperty({ description: 'Lock counter for If-Match; every write bumps it.' }) version: number;
  @ApiProperty({ nullable: true, type: String, description: 'The revision readers get; null while nothing is live.' }) liveRevisionId: string | null;
  @ApiProperty({ nullable: true, type: String }) liveSlug: string | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ description: 'True while a live translation has a working copy that is not what readers get.' }) hasUnpublishedChanges: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;

  static from(t: ArticleTranslationEntity): TranslationSummaryDto {
    return {
      locale: t.locale,
      title: t.title,
      subtitle: t.subtitle,
      slug: t.slug,
      summary: t.summary,
      status: t.status,
      version: t.version,
      liveRevisionId: t.liveRevisionId,
      liveSlug: t.liveSlug,
      publishedAt: t.publishedAt,
      hasUnpublishedChanges: t.liveRevisionId !== null && t.status !== 'published',
      updatedAt: t.updatedAt,
    };
  }
}

export class TranslationResponseDto extends TranslationSummaryDto {
  @ApiProperty() articleId: string;
  @ApiProperty({ description: 'Markdown.' }) body: string;
  @ApiProperty({ description: 'The body rendered and sanitized, footnotes linked to the sources.' }) bodyHtml: string;
  @ApiProperty({ nullable: true, type: String }) seoTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) seoDescription: string | null;
  @ApiProperty({ type: [String], description: 'Slugs this translation had before; they redirect here.' }) previousSlugs: string[];

  static fromDetail(detail: TranslationDetail): TranslationResponseDto {
    const t = detail.translation;
    return {
      ...TranslationSummaryDto.from(t),
      articleId: t.articleId,
      body: t.body,
      bodyHtml: detail.bodyHtml,
      seoTitle: t.seoTitle,
      seoDescription: t.seoDescription,
      previousSlugs: detail.previousSlugs,
    };
  }
}

export class ArticleAuthorRefDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class ArticleResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() sourceLocale: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [ArticleAuthorRefDto] }) authors: ArticleAuthorRefDto[];
  @ApiProperty({ type: [TagResponseDto] }) tags: TagResponseDto[];
  @ApiProperty({ type: MediaResponseDto, nullable: true }) heroImage: MediaResponseDto | null;
  @ApiProperty({ type: [SourceResponseDto] }) sources: SourceResponseDto[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/TranslationSummaryDto' } })
  translations: Record<string, TranslationSummaryDto>;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;

  static from(view: ArticleView): ArticleResponseDto {
    const { article } = view;
    return {
      id: article.id,
      sourceLocale: article.sourceLocale,
      version: article.version,
      authors: view.authors.map((a) => ({ id: a.id, slug: a.slug, name: a.name })),
      tags: view.tags.map(TagResponseDto.from),
      heroImage: view.hero ? MediaResponseDto.from(view.hero) : null,
      sources: view.sources.map(SourceResponseDto.from),
      translations: Object.fromEntries(view.translations.map((t) => [t.locale, TranslationSummaryDto.from(t)])),
      createdAt: article.createdAt,
      updatedAt: article.updatedAt,
    };
  }
}
