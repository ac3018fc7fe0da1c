import type { Schemas } from '../api/client';
import { assembleText, changedUnits, footnoteMismatch, mergeUnits, unitsOf } from './job-text';

const segment = (id: string, field: Schemas['JobSegmentDto']['field'], text: string, target: string | null, paragraph?: number): Schemas['JobSegmentDto'] => ({
  id,
  field,
  text,
  target,
  changed: false,
  memory: [],
  ...(paragraph ? { paragraph } : {}),
});

const detail = (translation: { slug: string } | null) =>
  ({
    source: { text: { title: 'Water talks' } },
    translation: translation && { ...translation, version: 3 },
    segments: [
      segment('title', 'title', 'Water talks', 'Su görüşmeleri'),
      segment('summary', 'summary', 'Why it matters.', null),
      segment('p1', 'body', 'First.[^1]', 'Birinci.[^1]', 1),
      segment('p2', 'body', 'Second.', null, 2),
    ],
  }) as unknown as Schemas['JobDetailDto'];

describe('the job text', () => {
  it('assembles a translation, keeping the source text where nothing is translated yet and the slug it has', () => {
    const units = { ...unitsOf(detail({ slug: 'su' })), p1: 'Birinci.[^1]\n\n\nhâlâ birinci' };
    expect(assembleText(detail({ slug: 'su' }), units)).toEqual({
      title: 'Su görüşmeleri',
      summary: 'Why it matters.',
      subtitle: undefined,
      seoTitle: undefined,
      seoDescription: undefined,
      // A blank line typed inside a unit would split it: it is folded so every later paragraph stays in place.
      body: 'Birinci.[^1]\nhâlâ birinci\n\nSecond.',
      slug: 'su',
    });
    expect(assembleText(detail(null), unitsOf(detail(null)))).not.toHaveProperty('slug');
  });

  it('merges after a conflict without losing what the translator typed', () => {
    const base = { title: 'A', p1: 'B', p2: '', p3: 'D' };
    const mine = { title: 'A', p1: 'B mine', p2: 'C mine', p3: 'D' };
    const theirs = { title: 'A theirs', p1: 'B theirs', p2: 'C mine', p3: 'D' };
    expect(mergeUnits(base, mine, theirs)).toEqual({
      merged: { title: 'A theirs', p1: 'B mine', p2: 'C mine', p3: 'D' },
      taken: ['title'],
      conflicts: ['p1'],
    });
    expect(changedUnits(base, mine)).toEqual(['p1', 'p2']);
  });

  it('finds footnotes a part leaves out or adds', () => {
    expect(footnoteMismatch('A[^1] b[^2].', 'A[^2] c[^3].')).toEqual({ missing: [1], extra: [3] });
    expect(footnoteMismatch('A[^1].', 'B[^1].')).toEqual({ missing: [], extra: [] });
  });
});
