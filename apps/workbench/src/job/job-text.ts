import type { Schemas } from '../api/client';

type Detail = Schemas['JobDetailDto'];
type Segment = Schemas['JobSegmentDto'];
/** The translator's text per unit (segment id → text); '' is a unit not translated yet. */
export type Units = Record<string, string>;

export const unitsOf = (detail: Detail): Units => Object.fromEntries(detail.segments.map((segment) => [segment.id, segment.target ?? '']));

/** A unit is one paragraph: blank lines inside it would split it and shift every later one. */
const oneParagraph = (text: string) => text.trim().replace(/\n[ \t]*\n+/g, '\n');

/**
 * The translation's text from the units, in the shape PUT /articles/{id}/translations/{locale}
 * takes. An untranslated unit keeps the source text, as pretranslation does: the API reads a unit
 * equal to its source as not translated yet, and every paragraph stays in its place.
 */
export function assembleText(detail: Detail, units: Units): Schemas['PutTranslationDto'] {
  const text = (segment: Segment) => oneParagraph(units[segment.id] ?? '') || segment.text;
  const field = (name: Segment['field']) => {
    const segment = detail.segments.find((s) => s.field === name);
    return segment ? text(segment) : undefined;
  };
  return {
    title: field('title') ?? detail.source.text.title,
    subtitle: field('subtitle'),
    summary: field('summary'),
    seoTitle: field('seoTitle'),
    seoDescription: field('seoDescription'),
    body: detail.segments
      .filter((segment) => segment.field === 'body')
      .map(text)
      .join('\n\n'),
    ...(detail.translation ? { slug: detail.translation.slug } : {}),
  };
}

export interface Merge {
  merged: Units;
  /** Units both sides changed differently: the translator's text is kept, theirs is shown beside it. */
  conflicts: string[];
  /** Units only the other side changed: taken from them. */
  taken: string[];
}

/**
 * A three-way merge per unit after a version conflict: `base` is what the translator loaded,
 * `mine` what they have now, `theirs` what was saved meanwhile. Nothing the translator typed is
 * dropped: where both changed a unit, theirs is only offered.
 */
export function mergeUnits(base: Units, mine: Units, theirs: Units): Merge {
  const merged: Units = {};
  const conflicts: string[] = [];
  const taken: string[] = [];
  for (const id of Object.keys(theirs)) {
    const b = base[id] ?? '';
    const m = mine[id] ?? '';
    const th = theirs[id] ?? '';
    if (m === th || th === b) merged[id] = m;
    else if (m === b) {
      merged[id] = th;
      taken.push(id);
    } else {
      merged[id] = m;
      conflicts.push(id);
    }
  }
  return { merged, conflicts, taken };
}

/** The footnote numbers a text cites, `[^n]`, in order. */
export function citations(text: string): number[] {
  return [...text.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
}

/** Footnotes the source cites that the translation does not, and ones it cites that the source does not. */
export function footnoteMismatch(source: string, target: string): { missing: number[]; extra: number[] } {
  const want = citations(source);
  const have = citations(target);
  return { missing: want.filter((n) => !have.includes(n)), extra: have.filter((n) => !want.includes(n)) };
}

export const changedUnits = (base: Units, units: Units): string[] => Object.keys(units).filter((id) => (units[id] ?? '') !== (base[id] ?? ''));
