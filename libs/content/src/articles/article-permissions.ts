import { canWorkIn, type Role } from '@kalam/auth';
import { KalamError } from '@kalam/core';

export interface Editor {
  /** null for the system itself (demo content, imports run without a user). */
  id: string | null;
  role: Role;
  locales: string[];
}

export interface ArticleOwnership {
  sourceLocale: string;
  createdBy: string | null;
}

/**
 * Who may change an article's shared parts (authors, tags, hero image, sources): admins and
 * editors working in its source locale, and the author who created it.
 */
export function canManageArticle(user: Editor, article: ArticleOwnership): boolean {
  if (!canWorkIn(user, article.sourceLocale)) return false;
  if (user.role === 'admin' || user.role === 'editor') return true;
  return user.role === 'author' && article.createdBy === user.id;
}

/**
 * Who may write one locale's text: anyone who manages the article, within their locales; and
 * translators, in their locales, except the source locale (they translate, they do not author).
 */
export function canEditTranslation(user: Editor, article: ArticleOwnership, locale: string): boolean {
  if (!canWorkIn(user, locale)) return false;
  if (user.role === 'translator') return locale !== article.sourceLocale;
  if (user.role === 'admin' || user.role === 'editor') return true;
  return user.role === 'author' && article.createdBy === user.id;
}

/** 403 unless the user may work in every one of `locales` (bios, tag names, captions…). */
export function assertLocaleScope(user: Editor, locales: Iterable<string>): void {
  for (const locale of locales) if (!canWorkIn(user, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
}

/** Deleting an article or a translation is an editor's call. */
export function canDeleteContent(user: Editor, locale: string): boolean {
  return (user.role === 'admin' || user.role === 'editor') && canWorkIn(user, locale);
}
