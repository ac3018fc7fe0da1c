import { canEditTranslation, canPerform, canWorkIn, type ArticleOwnership, type Editor } from '@kalam/auth';

/** A locale's queue is for those who translate or manage that language: not authors, and only in one's locales. */
export function canSeeQueue(user: Editor, locale: string): boolean {
  return user.role !== 'author' && canWorkIn(user, locale);
}

/** Who may take, hold and fill a job: whoever may write that translation (translators in their locales, editors in theirs). */
export function canWorkOnJob(user: Editor, article: ArticleOwnership, locale: string): boolean {
  return user.role !== 'author' && canEditTranslation(user, article, locale);
}

/** Who plans the work (assigns, sets priority and due dates, releases anyone's claim, backfills): editors and admins in the locale. */
export function canManageJobs(user: Editor, article: ArticleOwnership | null, locale: string): boolean {
  return canPerform(user, article ?? { sourceLocale: '', createdBy: null }, locale, 'review');
}

/** Holding the job is the translator's right to submit or import into it; managers act on any. */
export function mayActAsHolder(user: Editor, holderId: string | null, article: ArticleOwnership, locale: string): boolean {
  return (holderId !== null && holderId === user.id) || canManageJobs(user, article, locale);
}
