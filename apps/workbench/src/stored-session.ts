/** The parts of a stored session every screen reads without checking: a missing one would crash the first render. */
interface StoredShape {
  token: string;
  expiresAt: number;
  user: { id: string; role: string; locales: string[] };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A session read back from localStorage, or null when it is absent, expired, or not of the shape this
 * build writes (an older build's, another page's on the same origin, a hand-edited one): then the
 * workbench asks for a sign-in instead of rendering nothing.
 */
export function parseStoredSession<T extends StoredShape>(text: string | null, now: number): T | null {
  let stored: unknown;
  try {
    stored = JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
  if (!isRecord(stored) || typeof stored.token !== 'string' || !stored.token) return null;
  if (typeof stored.expiresAt !== 'number' || !(stored.expiresAt > now)) return null;
  const user = stored.user;
  if (!isRecord(user) || typeof user.id !== 'string' || typeof user.role !== 'string') return null;
  if (!Array.isArray(user.locales) || !user.locales.every((locale) => typeof locale === 'string')) return null;
  return stored as unknown as T;
}
