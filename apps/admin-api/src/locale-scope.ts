import { canWorkIn, type UserEntity } from '@kalam/auth';
import { KalamError } from '@kalam/core';

/** 403 unless the user may work in every one of `locales` (the keys of a per-locale body, say). */
export function assertLocaleScope(user: UserEntity, locales: Iterable<string>): void {
  for (const locale of locales) if (!canWorkIn(user, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
}
