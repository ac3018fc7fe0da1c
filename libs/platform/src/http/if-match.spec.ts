import { KalamError } from '@kalam/core';
import { parseIfMatch } from './if-match.decorator';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    [undefined, undefined],
    ['', undefined],
  ])('reads %p', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each(['"abc"', '*', '"1", "2"', '"99999999999"'])('refuses %p', (header) => {
    expect(() => parseIfMatch(header)).toThrow(KalamError);
  });
});
