/**
 * Locale-aware casing. JavaScript's default toLowerCase() maps "I" to "i" and "İ" to "i̇"
 * (i + combining dot), which is wrong for Turkish and Azerbaijani: there "I" ↔ "ı" and "İ" ↔ "i".
 * Intl knows the rule, so we only pick the right locale tag for the language part of the code.
 */
const DOTTED_I_LANGUAGES = new Set(['tr', 'az', 'crh', 'tt', 'kk-latn']);

function casingLocale(locale: string): string | undefined {
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0];
  return DOTTED_I_LANGUAGES.has(lower) || DOTTED_I_LANGUAGES.has(language) ? language : undefined;
}

export function toLocaleLower(text: string, locale: string): string {
  const tag = casingLocale(locale);
  return tag ? text.toLocaleLowerCase(tag) : text.toLowerCase();
}
