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
    const mapping = new Map([
      [1, 2],
      [2, 1],
    ]);
    expect(renumberFootnotes('A[^1] B[^2] C[^3]', mapping)).toBe('A[^2] B[^1] C[^3]');
  });

  it('leaves code alone', () => {
    const body = 'x[^1] `y[^1]`\n```\nz[^1]\n```\nw[^1]';
    expect(renumberFootnotes(body, new Map([[1, 5]]))).toBe('x[^5] `y[^1]`\n```\nz[^1]\n```\nw[^5]');
  });
});

describe('one scanner for checks and renumbering', () => {
  const bodies = [
    'Para[^1].\n\n    indented code [^1]\n\nAfter[^1].',
    '| a | b |\n|---|---|\n| cell[^1] | `[^1]` |',
    '> quoted[^1]\n> more[^2]',
    '- one[^1]\n  continued[^2]\n\n<div>raw [^1]</div>\n',
    'Escaped \\[^1] and real[^2].',
    'text\n[^1]: a definition typed into a paragraph',
    '``code with ` inside [^1]`` and[^2]',
  ];

  it.each(bodies)('renumbers exactly the references it reports as cited: %j', (body) => {
    const cited = citedFootnotes(body);
    const shifted = renumberFootnotes(body, new Map(cited.map((n) => [n, n + 100])));
    expect(citedFootnotes(shifted)).toEqual(cited.map((n) => n + 100));
    // Nothing outside the cited places changed.
    expect(renumberFootnotes(shifted, new Map(cited.map((n) => [n + 100, n])))).toBe(body);
  });

  it('skips indented code blocks, code spans in table cells, raw HTML blocks and escaped brackets', () => {
    expect(citedFootnotes(bodies[0])).toEqual([1]);
    expect(renumberFootnotes(bodies[0], new Map([[1, 7]]))).toBe('Para[^7].\n\n    indented code [^1]\n\nAfter[^7].');
    expect(renumberFootnotes(bodies[1], new Map([[1, 7]]))).toBe('| a | b |\n|---|---|\n| cell[^7] | `[^1]` |');
    expect(citedFootnotes(bodies[3])).toEqual([1, 2]);
    expect(renumberFootnotes(bodies[3], new Map([[1, 7]]))).toBe('- one[^7]\n  continued[^2]\n\n<div>raw [^1]</div>\n');
    expect(citedFootnotes(bodies[4])).toEqual([2]);
    expect(citedFootnotes(bodies[5])).toEqual([]);
    expect(citedFootnotes(bodies[6])).toEqual([2]);
  });
});
