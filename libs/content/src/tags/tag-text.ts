import type { TranslatableSpec } from '../translatable/translatable-writer';
import { TagTranslationEntity } from './tag-translation.entity';
import { TagEntity } from './tag.entity';

/** A tag's per-locale name and slug, as the translatable writer sees them. */
export const TAG_TEXT: TranslatableSpec<TagEntity, TagTranslationEntity> = {
  parent: TagEntity,
  translation: TagTranslationEntity,
  parentKey: 'tagId',
  parentNotFound: 'tag.not_found',
  audit: { subject: 'tag', action: 'tag.translation' },
  slug: { uniqueIndex: 'tag_translation_locale_slug_uq', takenCode: 'tag.slug_taken', fallback: 'tag' },
};
