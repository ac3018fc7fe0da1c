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
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return true;
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/**
 * Parses a JSON request body strictly: invalid UTF-8, excessive nesting, malformed JSON and
 * prototype-poisoning keys are all client errors, refused before any handler runs.
 */
export function parseJsonBody(body: Buffer, maxDepth: number): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw KalamError.badRequest('request.invalid_utf8');
  }
  if (text.trim() === '') throw KalamError.badRequest('request.empty_body');
  if (jsonDepthExceeds(text, maxDepth)) throw KalamError.badRequest('request.too_deep', { max: maxDepth });
  let parsed: unknown;
  try {
    parsed = sjson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  } catch {
    throw KalamError.badRequest('request.malformed_json');
  }
  // PostgreSQL text cannot hold U+0000; refuse it here rather than fail in the database.
  if (text.includes('\\u0000') && containsNul(parsed)) throw KalamError.badRequest('request.nul_character');
  return parsed;
}
