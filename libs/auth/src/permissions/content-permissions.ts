import { canWorkIn } from '../users/locale-scope';
import type { Role } from '../users/role';
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

/**
 * A record shared by every locale (an author profile, a tag, a media item): who created it, and
 * the locales its per-locale rows (bio, name, caption) exist in.
 */
export interface SharedRecord {
  createdBy: string | null;
  locales: readonly string[];
}

/**
 * Who may write a shared record's row in one locale (a bio, a tag name, a caption): admins; editors
 * and translators in their locales; authors in their locales, on records they created.
 */
export function canEditRecordLocale(user: Editor, record: SharedRecord, locale: string): boolean {
  if (!canWorkIn(user, locale)) return false;
  if (user.role === 'author') return record.createdBy !== null && record.createdBy === user.id;
  return true;
}

/**
 * Who may change what every locale shows (an author's name and slug, a media credit): admins;
 * editors holding every locale the record has text in (a ru editor does not rename an author whose
 * English bio another desk owns); authors, on records they created.
 */
export function canManageRecord(user: Editor, record: SharedRecord): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'editor') return record.locales.every((locale) => canWorkIn(user, locale));
  return user.role === 'author' && record.createdBy !== null && record.createdBy === user.id;
}

/** Deleting a shared record removes every locale's text: admins, and editors holding all of its locales. */
export function canDeleteRecord(user: Editor, record: SharedRecord): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'editor' && record.locales.every((locale) => canWorkIn(user, locale));
}

/**
 * What a workflow step asks of the user: submitting is writing (whoever may edit the text may
 * send it for review); reviewing (approve, request changes), publishing (publish, unpublish) and
 * shelving (archive, reopen) are an editor's calls in their locales.
 */
export type WorkflowCapability = 'submit' | 'review' | 'publish' | 'shelve';

export function canPerform(user: Editor, article: ArticleOwnership, locale: string, capability: WorkflowCapability): boolean {
  if (capability === 'submit') return canEditTranslation(user, article, locale);
  return (user.role === 'admin' || user.role === 'editor') && canWorkIn(user, locale);
}
