import type { ArticleTranslationEntity, PutTranslationDto } from '@kalam/content';

const TEXT_FIELDS = ['title', 'subtitle', 'slug', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;

/** A translation's text as stored (revision snapshots, the working row): absent fields are null. */
export interface StoredText {
  title: string;
  subtitle: string | null;
  slug?: string;
  summary: string | null;
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
}

/** Stored text as a save's input (absent fields are left out, as a client would send them). */
export function draftInput(text: StoredText): PutTranslationDto {
  return {
    title: text.title,
    body: text.body,
    ...(text.slug != null ? { slug: text.slug } : {}),
    ...(text.subtitle != null ? { subtitle: text.subtitle } : {}),
    ...(text.summary != null ? { summary: text.summary } : {}),
    ...(text.seoTitle != null ? { seoTitle: text.seoTitle } : {}),
    ...(text.seoDescription != null ? { seoDescription: text.seoDescription } : {}),
  };
}

/** Whether saving `input` would change the translation's text (status steps and versions aside). */
export function textDiffers(current: ArticleTranslationEntity, input: PutTranslationDto): boolean {
  const next: Record<(typeof TEXT_FIELDS)[number], string | null> = {
    title: input.title,
    subtitle: input.subtitle ?? null,
    slug: input.slug ?? current.slug,
    summary: input.summary ?? null,
    body: input.body,
    seoTitle: input.seoTitle ?? null,
    seoDescription: input.seoDescription ?? null,
  };
  return TEXT_FIELDS.some((field) => next[field] !== current[field]);
}
