import { KalamError } from '@kalam/core';
import { parseRenditionRequest, renditionFileName } from './rendition-request';

describe('parseRenditionRequest', () => {
  it('accepts widths and formats from the allow-lists', () => {
    expect(parseRenditionRequest({})).toEqual({});
    expect(parseRenditionRequest({ w: '640', format: 'webp' })).toEqual({ width: 640, format: 'webp' });
    expect(parseRenditionRequest({ format: 'avif' })).toEqual({ format: 'avif' });
  });

  it.each([
    { w: '641' },
    { w: 'abc' },
    { w: '1e9' },
    { w: '-1' },
    { w: '0640' },
    { w: ['640', '320'] },
    { format: 'gif' },
    { format: ['webp'] },
    { colour: 'red' },
  ])('refuses %j with a 400 naming the allowed values', (query) => {
    let error: unknown;
    try {
      parseRenditionRequest(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KalamError);
    expect((error as KalamError).status).toBe(400);
    expect((error as KalamError).code).toBe('media.rendition_invalid');
  });

  it('names cache files by width and format', () => {
    expect(renditionFileName({ width: 320, format: 'webp' }, 'jpeg')).toBe('320.webp');
    expect(renditionFileName({ width: 320 }, 'png')).toBe('320.png');
  });
});
