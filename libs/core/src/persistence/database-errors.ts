import { QueryFailedError } from 'typeorm';

function driverCode(error: unknown): { code?: string; constraint?: string } | null {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
}

/** True when `error` is PostgreSQL's unique violation (23505), optionally on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driver = driverCode(error);
  return driver?.code === '23505' && (!constraint || driver.constraint === constraint);
}

/**
 * True when `error` is a foreign key failure: 23503 (a referenced row is missing, or still referenced)
 * or 23001 (a delete refused by an ON DELETE RESTRICT key).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = driverCode(error)?.code;
  return code === '23503' || code === '23001';
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
