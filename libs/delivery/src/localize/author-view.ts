import { renderMarkdown } from '@kalam/content';
import type { DocumentAuthor } from '../documents/article-document';
import { pickTranslation } from './pick-translation';

export interface AuthorTexts {
  slug: string;
  name: string;
  translations: { locale: string; displayName: string | null; title: string | null; bio: string }[];
}

/**
 * An author as a reader of `chain[0]` sees them: name and title along the chain, the bio along the
 * chain or else in any locale (`anyOrder`), marked with the locale it is in. One rule for bylines
 * in documents and for author pages.
 */
export function authorView(author: AuthorTexts, chain: readonly string[], anyOrder: readonly string[]): DocumentAuthor {
  const named = pickTranslation(author.translations, chain, { usable: (t) => Boolean(t.displayName) });
  const titled = pickTranslation(author.translations, chain, { usable: (t) => Boolean(t.title) });
  const bio = pickTranslation(author.translations, chain, { anyOrder, usable: (t) => t.bio.trim() !== '' });
  return {
    slug: author.slug,
    displayName: named?.displayName ?? author.name,
    title: titled?.title ?? null,
    bio: bio ? renderMarkdown(bio.bio) : null,
    bioLocale: bio?.locale ?? null,
  };
}
