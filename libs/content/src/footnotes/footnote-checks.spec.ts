import { checkFootnotes } from './footnote-checks';

describe('checkFootnotes', () => {
  it('reports a footnote without a source and a source never cited', () => {
    expect(checkFootnotes([1, 2, 3, 5], [1, 2, 3, 4], null)).toEqual({
      errors: [{ code: 'footnote_without_source', footnote: 5 }],
      warnings: [{ code: 'source_not_cited', footnote: 4 }],
    });
  });

  it('is clean when every footnote has a source and every source is cited', () => {
    expect(checkFootnotes([2, 1], [1, 2], [1, 2])).toEqual({ errors: [], warnings: [] });
  });

  it('compares a translation with the source locale', () => {
    expect(checkFootnotes([1, 3], [1, 2, 3], [1, 2])).toEqual({
      errors: [
        { code: 'footnote_missing_from_translation', footnote: 2 },
        { code: 'footnote_not_in_source_locale', footnote: 3 },
      ],
      // Source 2 is cited by the source text: it is the footnote missing here, not an uncited source.
      warnings: [],
    });
  });

  it('warns of a source cited neither here nor in the source text', () => {
    expect(checkFootnotes([1, 2], [1, 2, 3, 4], [1, 2, 3])).toEqual({
      errors: [{ code: 'footnote_missing_from_translation', footnote: 3 }],
      warnings: [{ code: 'source_not_cited', footnote: 4 }],
    });
  });
});
