import { KalamError } from '@kalam/core';
import { MAX_SLUG_LENGTH, slugify } from '@kalam/i18n';

/**
 * A slug for `title` in `locale`: the given one, checked, or one made from the title with "-2",
 * "-3"… appended until `isTaken` says it is free. A given slug that is taken is a 409 (`code`).
 */
export async function chooseSlug(
  given: string | undefined,
  title: string,
  locale: string,
  isTaken: (slug: string) => Promise<boolean>,
  code: string,
  fallback = 'untitled',
): Promise<string> {
  if (given) {
    if (await isTaken(given)) throw KalamError.conflict(code, { slug: given, locale });
    return given;
  }
  const base = slugify(title, locale) || fallback;
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw KalamError.conflict(code, { slug: base, locale });
}
