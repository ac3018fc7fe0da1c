/**
 * A record's text in the wanted locale, or the first one along its fallback chain (kk → ru → en),
 * or, when the chain has none, in whatever locale it exists (first in `anyOrder`), so an English
 * article still shows its author's Turkish bio rather than none. `locale` says which one was used,
 * so a page can mark it (`lang`). Vendure's translate-entity does this for one default language;
 * Kalam follows each locale's chain from the registry.
 */
export function pickTranslation<T extends { locale: string }>(
  translations: readonly T[],
  chain: readonly string[],
  options: { anyOrder?: readonly string[]; usable?: (translation: T) => boolean } = {},
): T | undefined {
  const usable = options.usable ?? (() => true);
  const candidates = translations.filter(usable);
  for (const locale of chain) {
    const found = candidates.find((t) => t.locale === locale);
    if (found) return found;
  }
  if (!options.anyOrder) return undefined;
  const rank = (t: T) => {
    const at = options.anyOrder!.indexOf(t.locale);
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.locale.localeCompare(b.locale))[0];
}
