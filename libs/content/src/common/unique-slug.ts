import type { EntityManager } from 'typeorm';
import { isUniqueViolation, KalamError } from '@kalam/core';
import { MAX_SLUG_LENGTH, slugify } from '@kalam/i18n';

export interface SlugRequest {
  /** The slug the client asked for; taken means 409, never a different slug. */
  given: string | undefined;
  /** Made into a slug when none is given, with "-2", "-3"… until one is free. */
  title: string;
  locale: string;
  isTaken: (slug: string) => Promise<boolean>;
  /** Error code for a taken slug, e.g. `article.slug_taken`. */
  code: string;
  fallback?: string;
}

/** The given slug, or the one made from the title before any "-2" suffix. */
function slugBase(request: SlugRequest): string {
  return request.given || slugify(request.title, request.locale) || request.fallback || 'untitled';
}

/** A slug for the request: the given one, checked, or the first free one made from the title. */
export async function chooseSlug(request: SlugRequest): Promise<string> {
  const { given, locale, isTaken, code } = request;
  if (given) {
    if (await isTaken(given)) throw KalamError.conflict(code, { slug: given, locale });
    return given;
  }
  const base = slugBase(request);
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw KalamError.conflict(code, { slug: base, locale });
}

const ATTEMPTS = 5;

/**
 * Chooses a slug and inserts with it, inside the caller's transaction, so that concurrent
 * same-title creates get "-2", "-3"… just as sequential ones do. Writers starting from the same
 * base slug in a locale queue on a transaction-scoped advisory lock, so each sees the rows of the
 * ones before it. Writers from different bases can still meet ("report-2" given, "report" made
 * into "report-2"): the unique index lets one in, and the other, when its slug was made from the
 * title, rolls back to a savepoint and takes the next free one.
 */
export async function insertWithUniqueSlug(
  manager: EntityManager,
  request: SlugRequest & { uniqueIndex: string },
  insert: (slug: string) => Promise<void>,
): Promise<string> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`slug:${request.code}:${request.locale}:${slugBase(request)}`]);
  for (let attempt = 1; ; attempt++) {
    const slug = await chooseSlug(request);
    await manager.query('SAVEPOINT kalam_unique_slug');
    try {
      await insert(slug);
      await manager.query('RELEASE SAVEPOINT kalam_unique_slug');
      return slug;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT kalam_unique_slug');
      if (!isUniqueViolation(error, request.uniqueIndex)) throw error;
      if (request.given || attempt >= ATTEMPTS) throw KalamError.conflict(request.code, { slug, locale: request.locale });
    }
  }
}
