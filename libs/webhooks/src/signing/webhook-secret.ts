import { createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets and signatures as the Standard Webhooks scheme has them (https://www.standardwebhooks.com),
 * so receivers can verify with its libraries or ten lines of their own: the secret is `whsec_`
 * and base64 of the key bytes; the signature is `v1,` and base64 of HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>`.
 */
const PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

export function generateSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** The key bytes of a secret in the `whsec_<base64>` form, or null when it is not one (or too short to be safe). */
export function secretKey(secret: string): Buffer | null {
  if (!secret.startsWith(PREFIX)) return null;
  const encoded = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return null;
  const key = Buffer.from(encoded, 'base64');
  return key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES ? key : null;
}

export function sign(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
