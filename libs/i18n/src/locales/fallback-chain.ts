export interface FallbackLink {
  code: string;
  fallbackCode: string | null;
}

/**
 * The locales to try, in order, for `code`: itself, its fallback, that one's fallback…
 * Returns `null` when following the links would loop, so callers can refuse the change.
 */
export function fallbackChain(code: string, locales: Iterable<FallbackLink>): string[] | null {
  const byCode = new Map<string, FallbackLink>();
  for (const locale of locales) byCode.set(locale.code, locale);
  const chain: string[] = [];
  let current: string | null = code;
  while (current) {
    if (chain.includes(current)) return null;
    chain.push(current);
    current = byCode.get(current)?.fallbackCode ?? null;
  }
  return chain;
}
