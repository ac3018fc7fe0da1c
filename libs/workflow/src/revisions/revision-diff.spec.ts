import type { RevisionSnapshot } from '@kalam/content';
import { diffRevisions, paragraphs } from './revision-diff';

const snapshot = (changes: Partial<RevisionSnapshot> = {}): RevisionSnapshot => ({
  title: 'Ports of the Caspian',
  subtitle: null,
  slug: 'ports-of-the-caspian',
  summary: 'Three harbours compete.',
  body: 'First paragraph.[^1]\n\nSecond paragraph.\n\nThird paragraph.',
  seoTitle: null,
  seoDescription: null,
  sources: [{ position: 1, title: 'Yearbook', publisher: 'Harbour Board', url: null, accessedOn: '2024-01-15', language: 'ru' }],
  ...changes,
});

describe(diffRevisions.name, () => {
  it('finds nothing between equal revisions', () => {
    expect(diffRevisions(snapshot(), snapshot())).toEqual({ fields: [], body: [], sources: [] });
  });

  it('reports changed fields with word-level changes', () => {
    const diff = diffRevisions(snapshot(), snapshot({ title: 'Ports of the Black Sea', subtitle: 'New' }));
    expect(diff.fields.map((f) => f.field)).toEqual(['title', 'subtitle']);
    expect(diff.fields[0].changes).toEqual([{ value: 'Ports of the ' }, { value: 'Caspian', removed: true }, { value: 'Black Sea', added: true }]);
    expect(diff.fields[1]).toMatchObject({ from: null, to: 'New' });
  });

  it('shows an inserted paragraph as one addition, not every later paragraph as changed', () => {
    const diff = diffRevisions(snapshot(), snapshot({ body: 'First paragraph.[^1]\n\nA new one.\n\nSecond paragraph.\n\nThird paragraph.' }));
    expect(diff.body).toEqual([{ status: 'added', toParagraph: 2, to: 'A new one.' }]);
  });

  it('pairs an edited paragraph with its old text, and numbers paragraphs on both sides', () => {
    const diff = diffRevisions(snapshot(), snapshot({ body: 'First paragraph.[^1]\n\nSecond paragraph, edited.\n\nThird paragraph.' }));
    expect(diff.body).toEqual([
      {
        status: 'changed',
        fromParagraph: 2,
        toParagraph: 2,
        from: 'Second paragraph.',
        to: 'Second paragraph, edited.',
        changes: [{ value: 'Second paragraph' }, { value: ', edited', added: true }, { value: '.' }],
      },
    ]);
  });

  it('reports removed paragraphs and changed sources', () => {
    const diff = diffRevisions(
      snapshot(),
      snapshot({ body: 'First paragraph.[^1]\n\nThird paragraph.', sources: [{ ...snapshot().sources[0], title: 'Yearbook 2025' }] }),
    );
    expect(diff.body).toEqual([{ status: 'removed', fromParagraph: 2, from: 'Second paragraph.' }]);
    expect(diff.sources).toEqual([{ position: 1, from: 'Yearbook · Harbour Board · 2024-01-15 · ru', to: 'Yearbook 2025 · Harbour Board · 2024-01-15 · ru' }]);
  });

  it('splits paragraphs on blank lines, ignoring extra ones', () => {
    expect(paragraphs('a\nb\n\n\n  \nc\n')).toEqual(['a\nb', 'c']);
  });
});
