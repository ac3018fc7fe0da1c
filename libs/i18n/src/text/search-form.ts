import { toLocaleLower } from './casing';

// Languages written with apostrophe suffixes on names ("Kazakistan'ın", "Ankara'da"): the suffix
// is grammar, not a word, and PostgreSQL's parser would otherwise index it as a word of its own.
const APOSTROPHE_SUFFIX_LANGUAGES = new Set(['tr', 'az']);
// Russian and Belarusian print ё as е most of the time; readers type either.
const YO_LANGUAGES = new Set(['ru', 'be']);

/**
 * Text as the full-text index and the search box should both see it: lower-cased by the locale's
 * rules (Turkish İ→i, I→ı, which PostgreSQL's C-locale lower() gets wrong), apostrophe suffixes
 * dropped where they are grammar, ё folded to е. Applied to documents and to queries alike.
 */
export function searchForm(text: string, locale: string): string {
  const language = locale.toLowerCase().split('-')[0];
  let form = toLocaleLower(text, locale);
  if (APOSTROPHE_SUFFIX_LANGUAGES.has(language)) form = form.replace(/(\p{L})['’‘ʼ]\p{L}+/gu, '$1');
  if (YO_LANGUAGES.has(language)) form = form.replace(/ё/g, 'е');
  return form;
}

/** A calendar date (YYYY-MM-DD) written the way the locale writes dates in citations: "1 Mart 2024". */
export function formatCalendarDate(date: string, locale: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
  } catch {
    return date;
  }
}
