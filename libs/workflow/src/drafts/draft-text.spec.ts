import type { ArticleTranslationEntity } from '@kalam/content';
import { draftInput, textDiffers } from './draft-text';

describe('draft text', () => {
  const stored = { title: 'T', subtitle: null, slug: 't', summary: '', body: 'B', seoTitle: null, seoDescription: 'D' };
  const row = stored as unknown as ArticleTranslationEntity;

  it('turns stored text into a save input, leaving out what is absent but keeping empty strings', () => {
    expect(draftInput(stored)).toEqual({ title: 'T', slug: 't', summary: '', body: 'B', seoDescription: 'D' });
  });

  it('sees no change in the same text, and a change in any field', () => {
    expect(textDiffers(row, draftInput(stored))).toBe(false);
    expect(textDiffers(row, { ...draftInput(stored), slug: undefined })).toBe(false);
    expect(textDiffers(row, { ...draftInput(stored), body: 'B2' })).toBe(true);
    expect(textDiffers(row, { ...draftInput(stored), seoDescription: undefined })).toBe(true);
  });
});
