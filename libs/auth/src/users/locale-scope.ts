import type { Role } from './role';

export interface ScopedUser {
  role: Role;
  locales: string[];
}

/** Admins work everywhere; others in their listed locales, where an empty list (non-translators) means all. */
export function canWorkIn(user: ScopedUser, locale: string): boolean {
  if (user.role === 'admin') return true;
  if (user.locales.length === 0) return user.role !== 'translator';
  return user.locales.includes(locale);
}
