import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

const KEY_LENGTH = 32;
// N=2^15, r=8, p=3 is one of OWASP's equivalent minimum settings for scrypt (32 MiB per hash).
// Parameters are stored in each hash, so raising them later re-hashes on the next successful login.
export const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 3 };

/** Hashes passwords with scrypt (Node's built-in, memory-hard KDF): `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 128 * cost.N * cost.r * 2 });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { ...cost, maxmem: 128 * cost.N * cost.r * 2 });
  return timingSafeEqual(actual, expected);
}

export function needsRehash(stored: string, cost = DEFAULT_COST): boolean {
  const [, n, r, p] = stored.split('$');
  return Number(n) !== cost.N || Number(r) !== cost.r || Number(p) !== cost.p;
}

let dummy: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows, verified against when the email is unknown so timing reveals
 * nothing. Made on the first failed lookup, not at import: every process that loads auth would
 * otherwise pay a scrypt hash at start-up.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
