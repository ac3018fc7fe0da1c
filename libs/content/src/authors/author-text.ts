import type { TranslatableSpec } from '../translatable/translatable-writer';
import { AuthorTranslationEntity } from './author-translation.entity';
import { AuthorEntity } from './author.entity';

/** An author's per-locale name, title and bio, as the translatable writer sees them. */
export const AUTHOR_TEXT: TranslatableSpec<AuthorEntity, AuthorTranslationEntity> = {
  parent: AuthorEntity,
  translation: AuthorTranslationEntity,
  parentKey: 'authorId',
  parentNotFound: 'author.not_found',
  audit: { subject: 'author', action: 'author.translation' },
};
