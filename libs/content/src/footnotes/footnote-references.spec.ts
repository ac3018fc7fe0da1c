import { citedFootnotes, renumberFootnotes } from './footnote-references';

describe('citedFootnotes', () => {
  it('finds references in order of first use', () => {
    expect(citedFootnotes('Trade tripled.[^3] Ties deepen.[^1]\n\nAgain[^3] and *emphasis[^2]*.')).toEqual([3, 1, 2]);
  });

  it('ignores code spans, fenced code and definitions', () => {
    const body = 'Use `[^9]` literally.\n\n```\n[^8]\n```\n\n[^7]: a definition\n\nReal one[^1].';
    expect(citedFootnotes(body)).toEqual([1]);
  });

  it('handles references next to links and in lists and headings', () => {
    expect(citedFootnotes('# Title[^4]\n\n- item [link](https://example.org)[^5]')).toEqual([4, 5]);
  });
});

describe('renumberFootnotes', () => {
  it('swaps numbers without one change feeding the next', () => {
    const mapping = new Map([[1, 2], [2, 1]]);
    expect(renumberFootnotes('A[^1] B[^2] C[^3]', mapping)).toBe('A[^2] B[^1] C[^3]');
  });

  it('leaves code alone', () => {
    const body = 'x[^1] `y[^1]`\n```\nz[^1]\n```\nw[^1]';
    expect(renumberFootnotes(body, new Map([[1, 5]]))).toBe('x[^5] `y[^1]`\n```\nz[^1]\n```\nw[^5]');
  });
});
