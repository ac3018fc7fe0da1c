/** Per-translation workflow states; the workflow (next issue) moves translations between them. */
export const TRANSLATION_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished', 'archived'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];
