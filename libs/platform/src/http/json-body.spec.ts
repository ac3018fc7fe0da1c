import { KalamError } from '@kalam/core';
import { findTextFault, jsonDepthExceeds, parseJsonBody } from './json-body';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof KalamError ? error.code : 'not a KalamError';
  }
  return undefined;
}

describe('parseJsonBody', () => {
  it('parses valid UTF-8 JSON with non-ASCII text', () => {
    expect(parseJsonBody(Buffer.from('{"title":"Визит в Москву — İlişkiler"}'), 32)).toEqual({ title: 'Визит в Москву — İlişkiler' });
  });

  it('refuses invalid UTF-8', () => {
    expect(codeOf(() => parseJsonBody(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 32))).toBe('request.invalid_utf8');
  });

  it('refuses malformed and empty JSON', () => {
    expect(codeOf(() => parseJsonBody(Buffer.from('{"a":'), 32))).toBe('request.malformed_json');
    expect(codeOf(() => parseJsonBody(Buffer.from('  '), 32))).toBe('request.empty_body');
  });

  it('refuses nesting past the limit without recursing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(codeOf(() => parseJsonBody(Buffer.from(deep), 32))).toBe('request.too_deep');
    expect(codeOf(() => parseJsonBody(Buffer.from('[[[1]]]'), 3))).toBeUndefined();
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(jsonDepthExceeds('{"a":"[[[[[[\\"[[["}', 2)).toBe(false);
  });

  it('refuses NUL characters in values and keys', () => {
    expect(codeOf(() => parseJsonBody(Buffer.from('{"title":"a\\u0000b"}'), 32))).toBe('request.nul_character');
    expect(codeOf(() => parseJsonBody(Buffer.from('{"a\\u0000":1}'), 32))).toBe('request.nul_character');
    expect(codeOf(() => parseJsonBody(Buffer.from('{"path":"C:\\\\u0000"}'), 32))).toBeUndefined();
  });

  it('drops prototype-poisoning keys', () => {
    const parsed = parseJsonBody(Buffer.from('{"a":1,"__proto__":{"admin":true}}'), 32) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses a lone surrogate escape in a value, naming the field', () => {
    let caught: unknown;
    try {
      parseJsonBody(Buffer.from('{"author":{"name":"x\\ud800y"}}'), 32);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'request.lone_surrogate', params: { field: 'author.name' } });
  });

  it('refuses lone surrogates in keys and low surrogates without a high one', () => {
    expect(codeOf(() => parseJsonBody(Buffer.from('{"\\udc00":1}'), 32))).toBe('request.lone_surrogate');
    expect(codeOf(() => parseJsonBody(Buffer.from('["a\\udfffb"]'), 32))).toBe('request.lone_surrogate');
  });

  it('accepts surrogate pairs, escaped or not', () => {
    expect(parseJsonBody(Buffer.from('{"e":"\\ud83d\\ude00 😀"}'), 32)).toEqual({ e: '😀 😀' });
  });

  it('names the field holding a NUL character', () => {
    expect(findTextFault({ a: ['ok', { b: 'x\u0000' }] })).toEqual({ fault: 'request.nul_character', field: 'a.1.b' });
  });
});
