import type { TranslatableSpec } from '../translatable/translatable-writer';
import { MediaTranslationEntity } from './media-translation.entity';
import { MediaEntity } from './media.entity';

/** A media item's per-locale caption and alt text, as the translatable writer sees them. */
export const MEDIA_TEXT: TranslatableSpec<MediaEntity, MediaTranslationEntity> = {
  parent: MediaEntity,
  translation: MediaTranslationEntity,
  parentKey: 'mediaId',
  parentNotFound: 'media.not_found',
  audit: { subject: 'media', action: 'media.translation' },
};
