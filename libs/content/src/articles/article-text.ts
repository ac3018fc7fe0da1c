import type { TranslatableSpec } from '../translatable/translatable-writer';
import { ArticleTranslationEntity } from './article-translation.entity';
import { ArticleEntity } from './article.entity';

/** An article's per-locale text, as the translatable writer sees it. */
export const ARTICLE_TEXT: TranslatableSpec<ArticleEntity, ArticleTranslationEntity> = {
  parent: ArticleEntity,
  translation: ArticleTranslationEntity,
  parentKey: 'articleId',
  parentNotFound: 'article.not_found',
  audit: { subject: 'article', action: 'translation' },
  slug: { uniqueIndex: 'article_translation_locale_slug_uq', takenCode: 'article.slug_taken', fallback: 'untitled' },
};
