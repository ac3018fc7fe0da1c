import { assemble, carryOver, citations, maskFootnotes, piecesOf, segmentsOf, unmaskFootnotes } from './segments';

describe('translation segments', () => {
  const text = {
    title: 'Ports',
    subtitle: null,
    summary: '  ',
    body: 'First.[^1]\n\nSecond `[^9]` code.\n\n\n\nThird[^2][^1].',
    seoTitle: null,
    seoDescription: 'SEO',
  };

  it('cuts text into fields and body paragraphs, skipping empty fields', () => {
    expect(segmentsOf(text).map((s) => [s.id, s.text])).toEqual([
      ['title', 'Ports'],
      ['seoDescription', 'SEO'],
      ['p1', 'First.[^1]'],
      ['p2', 'Second `[^9]` code.'],
      ['p3', 'Third[^2][^1].'],
    ]);
  });

  it('finds footnote citations as the footnote checks do (not inside code)', () => {
    expect(piecesOf('Second `[^9]` code[^3].')).toEqual(['Second `[^9]` code', { footnote: 3 }, '.']);
    expect(citations('b[^2] a[^1] c[^2]')).toEqual([1, 2, 2]);
  });

  it('masks footnote numbers so one sentence matches across articles, and puts a paragraph’s own numbers back', () => {
    const a = maskFootnotes('Cargo grew.[^3] Ships[^5].', 'Yük arttı.[^3] Gemiler[^5].');
    const b = maskFootnotes('Cargo grew.[^1] Ships[^2].');
    expect(a.source).toBe(b.source);
    expect(a.target).toBe('Yük arttı.[^#1] Gemiler[^#2].');
    expect(unmaskFootnotes(a.target!, b.numbers)).toBe('Yük arttı.[^1] Gemiler[^2].');
    expect(maskFootnotes('No notes.', 'Dipnot[^4].').target).toBe('Dipnot[^4].');
    expect(unmaskFootnotes('Two[^#1] notes[^#2].', [7])).toBe('Two[^7] notes[^?].');
  });

  it('carries a translation over to kept and edited paragraphs, not to new ones, and drops removed ones', () => {
    expect(carryOver(['A', 'B', 'C'], ['A', 'B2', 'new', 'C'], ['a', 'b', 'c'])).toEqual(['a', 'b', null, 'c']);
    expect(carryOver(['A', 'B', 'C'], ['A', 'C', 'D'], ['a', 'b', 'c'])).toEqual(['a', 'c', null]);
    expect(carryOver(['A', 'B'], ['A', 'B'], ['only one'])).toEqual([null, null]);
  });

  it('assembles a translation from unit targets in the source’s order', () => {
    const units = new Map([
      ['p2', ' Two '],
      ['title', 'Başlık'],
      ['p1', 'One'],
    ]);
    expect(assemble(units, segmentsOf({ ...text, body: 'A\n\nB' }))).toEqual({
      title: 'Başlık',
      subtitle: null,
      summary: null,
      body: 'One\n\nTwo',
      seoTitle: null,
      seoDescription: null,
    });
  });
});
