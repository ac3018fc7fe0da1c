import slugifyLib from 'slugify';
import { toLocaleLower } from './casing';

/** Longest slug we generate; long enough for any headline, short enough for a URL segment. */
export const MAX_SLUG_LENGTH = 120;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Transliteration tables that differ from slugify's defaults, per language.
// Russian follows the common "Yandex" style used in Russian URLs (щ → shch, х → kh, ц → ts).
const RUSSIAN: Record<string, string> = {
  щ: 'shch',
  Щ: 'shch',
  х: 'kh',
  Х: 'kh',
  ц: 'ts',
  Ц: 'ts',
  й: 'y',
  Й: 'y',
  ъ: '',
  Ъ: '',
  ь: '',
  Ь: '',
  ё: 'e',
  Ё: 'e',
  ж: 'zh',
  Ж: 'zh',
  ч: 'ch',
  Ч: 'ch',
  ш: 'sh',
  Ш: 'sh',
  ю: 'yu',
  Ю: 'yu',
  я: 'ya',
  Я: 'ya',
  э: 'e',
  Э: 'e',
};
// Kazakh Cyrillic letters that Russian lacks.
const KAZAKH: Record<string, string> = {
  ә: 'a',
  Ә: 'a',
  ғ: 'g',
  Ғ: 'g',
  қ: 'q',
  Қ: 'q',
  ң: 'n',
  Ң: 'n',
  ө: 'o',
  Ө: 'o',
  ұ: 'u',
  Ұ: 'u',
  ү: 'u',
  Ү: 'u',
  һ: 'h',
  Һ: 'h',
  і: 'i',
  І: 'i',
};

function transliterate(text: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of text) out += table[ch] ?? ch;
  return out;
}

/**
 * Turns a title into a URL slug using the locale's conventions: Turkish casing before folding
 * (so "İ" becomes "i", not "i̇"), Cyrillic transliterated to Latin, everything else folded to ASCII.
 * Returns '' when nothing sluggable is left (e.g. a title of only emoji); callers decide the fallback.
 */
export function slugify(text: string, locale: string): string {
  const language = locale.toLowerCase().split('-')[0];
  let prepared = toLocaleLower(text.normalize('NFC'), locale);
  // Cyrillic is transliterated whatever the locale (a Russian name in an English byline, say).
  if (/[\u0400-\u04FF]/.test(prepared)) prepared = transliterate(prepared, language === 'kk' ? { ...RUSSIAN, ...KAZAKH } : RUSSIAN);
  const slug = slugifyLib(prepared, { lower: true, strict: true, trim: true, locale: language });
  return truncateSlug(slug, MAX_SLUG_LENGTH);
}

function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > max / 2 ? cut.slice(0, lastDash) : cut.replace(/-+$/, '');
}
