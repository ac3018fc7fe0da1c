export { ContentModule } from './content.module';
export { contentConfig, readContentConfig, type ContentConfig } from './content.config';
export { PageQueryDto, SearchPageQueryDto, pageWindow, type Page } from './common/pagination';
export { AuthorsService } from './authors/authors.service';
export { AuthorEntity } from './authors/author.entity';
export { AuthorTranslationEntity } from './authors/author-translation.entity';
export { CreateAuthorDto, UpdateAuthorDto, PutAuthorTranslationDto, AuthorResponseDto, AuthorTranslationResponseDto } from './authors/dto/author.dto';
export { TagsService } from './tags/tags.service';
export { CreateTagDto, TagTranslationInputDto, TagTranslationResponseDto, TagResponseDto } from './tags/dto/tag.dto';
export { MediaService, type UploadInput } from './media/media.service';
export {
  CreateExternalMediaDto,
  UpdateMediaDto,
  MediaResponseDto,
  MediaTranslationInputDto,
  MediaLimitsDto,
  MediaItemDto,
  MediaPermissionsDto,
} from './media/dto/media.dto';
export { ArticlesService, type ArticleView } from './articles/articles.service';
export { ArticleTranslationsService, type TranslationDetail } from './articles/article-translations.service';
export { CreateArticleDto, UpdateArticleDto, PutTranslationDto, ArticleListQueryDto } from './articles/dto/article.dto';
export { ArticleResponseDto, TranslationResponseDto, TranslationSummaryDto } from './articles/dto/article-response.dto';
export { TRANSLATION_STATUSES, type TranslationStatus } from './articles/translation-status';
export { SourcesService } from './sources/sources.service';
export { CreateSourceDto, UpdateSourceDto, ReorderSourcesDto, SourceResponseDto } from './sources/dto/source.dto';
export { type FootnoteReport, type FootnoteIssue } from './footnotes/footnote-checks';
export { renderArticleBody, renderMarkdown, markdownToPlainText, type CitationSource } from './markdown/render-markdown';
export { ArticleEntity } from './articles/article.entity';
export { ArticleTranslationEntity } from './articles/article-translation.entity';
export { SlugHistoryEntity } from './articles/slug-history.entity';
export { SourceEntity } from './sources/source.entity';
export { ARTICLE_TEXT } from './articles/article-text';
export { TranslatableWriter, type TranslatableSpec, type TranslationInput, type TranslationWrite } from './translatable/translatable-writer';
export { scanFootnotes, citedFootnotes } from './footnotes/footnote-references';
export { RevisionEntity, type RevisionSnapshot } from './revisions/revision.entity';
export { ContentChangeHooks, type ContentChange } from './common/content-change-hooks';

export { CONTENT_REFERENCED_SCHEMAS } from './common/referenced-schemas';
