import { KalamError, type ErrorDetail } from '@kalam/core';

const MAX_HEADERS = 20;
const MAX_VALUE_LENGTH = 1000;
// RFC 9110 token characters.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$/;
// Visible ASCII, spaces and tabs: no CR/LF (no header injection), nothing a client library would refuse.
const VALUE = /^[\t\x20-\x7e]*$/;
/** Set by Kalam on every delivery, or by the HTTP client; a custom header may not replace them. */
const RESERVED = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-type',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'user-agent',
]);

/** Headers sent with every delivery (an `Authorization` for the receiver, a routing key), checked and with lower-case names. */
export function normalizeCustomHeaders(input: Record<string, unknown>): Record<string, string> {
  const details: ErrorDetail[] = [];
  const entries = Object.entries(input);
  if (entries.length > MAX_HEADERS) details.push({ field: 'headers', code: 'errors.webhook.too_many_headers', params: { max: MAX_HEADERS } });
  const headers: Record<string, string> = {};
  for (const [name, value] of entries.slice(0, MAX_HEADERS)) {
    const field = `headers.${name.slice(0, 100)}`;
    const lower = name.toLowerCase();
    if (!NAME.test(name)) details.push({ field, code: 'errors.webhook.header_name_invalid' });
    else if (RESERVED.has(lower)) details.push({ field, code: 'errors.webhook.header_reserved' });
    else if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH || !VALUE.test(value)) {
      details.push({ field, code: 'errors.webhook.header_value_invalid', params: { max: MAX_VALUE_LENGTH } });
    } else headers[lower] = value;
  }
  if (details.length) throw KalamError.badRequest('request.validation_failed', { count: details.length }, details);
  return headers;
}
