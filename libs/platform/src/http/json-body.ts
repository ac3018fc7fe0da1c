import sjson from 'secure-json-parse';
import { KalamError } from '@kalam/core';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Deepest nesting of arrays/objects in a JSON text, stopping early past `limit`. O(n), no recursion. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

// A UTF-16 surrogate without its partner: not a character, and PostgreSQL cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type TextFault = 'request.nul_character' | 'request.lone_surrogate';

function faultIn(text: string): TextFault | null {
  if (text.includes('\u0000')) return 'request.nul_character';
  return LONE_SURROGATE.test(text) ? 'request.lone_surrogate' : null;
}

/** The first string (or key) that PostgreSQL cannot store, with its dotted path. No recursion. */
export function findTextFault(value: unknown): { fault: TextFault; field: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const fault = faultIn(current);
      if (fault) return { fault, field: path || '(body)' };
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        const fault = faultIn(key);
        if (fault) return { fault, field: childPath };
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}

/** 400 naming the field when a parsed value holds text PostgreSQL cannot store. */
export function assertStorableText(value: unknown): void {
  const found = findTextFault(value);
  if (found)
    throw KalamError.badRequest(found.fault, { field: found.field }, [{ field: found.field, code: `errors.${found.fault}`, params: { field: found.field } }]);
}

/** Decodes a request body as UTF-8, refusing invalid bytes (400) rather than replacing them. */
export function decodeUtf8Body(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw KalamError.badRequest('request.invalid_utf8');
  }
}

/**
 * Parses a JSON request body strictly: invalid UTF-8, excessive nesting, malformed JSON and
 * prototype-poisoning keys are all client errors, refused before any handler runs.
 */
export function parseJsonBody(body: Buffer, maxDepth: number): unknown {
  const text = decodeUtf8Body(body);
  if (text.trim() === '') throw KalamError.badRequest('request.empty_body');
  if (jsonDepthExceeds(text, maxDepth)) throw KalamError.badRequest('request.too_deep', { max: maxDepth });
  let parsed: unknown;
  try {
    parsed = sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  } catch {
    throw KalamError.badRequest('request.malformed_json');
  }
  // Valid UTF-8 can hold neither U+0000 nor a lone surrogate except as \u escapes: only then look.
  if (text.includes('\\u')) assertStorableText(parsed);
  return parsed;
}
