import { diffArrays, diffWords, type Change } from 'diff';
import type { RevisionSnapshot } from '@kalam/content';

const FIELDS = ['title', 'subtitle', 'slug', 'summary', 'seoTitle', 'seoDescription'] as const;

export interface TextChange {
  value: string;
  added?: true;
  removed?: true;
}

export interface FieldDiff {
  field: (typeof FIELDS)[number];
  from: string | null;
  to: string | null;
  changes: TextChange[];
}

export interface ParagraphDiff {
  status: 'added' | 'removed' | 'changed';
  /** 1-based position in the older text (removed, changed) and in the newer one (added, changed). */
  fromParagraph?: number;
  toParagraph?: number;
  from?: string;
  to?: string;
  /** Word-level changes, for changed paragraphs. */
  changes?: TextChange[];
}

export interface RevisionDiff {
  fields: FieldDiff[];
  body: ParagraphDiff[];
  /** Sources (by position) whose citation text differs between the two. */
  sources: { position: number; from: string | null; to: string | null }[];
}

/** Paragraphs as an editor sees them: blocks separated by blank lines. */
export function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
}

const words = (from: string, to: string): TextChange[] =>
  diffWords(from, to).map((change: Change) => ({
    value: change.value,
    ...(change.added ? { added: true as const } : {}),
    ...(change.removed ? { removed: true as const } : {}),
  }));

/**
 * What changed from one revision to another: each changed field, the body paragraph by paragraph
 * (paragraphs are aligned first, so an inserted paragraph shows as one addition rather than every
 * later paragraph as changed; a removal next to an addition is one changed paragraph with its
 * word-level changes), and sources whose citation changed.
 */
export function diffRevisions(from: RevisionSnapshot, to: RevisionSnapshot): RevisionDiff {
  const fields = FIELDS.filter((field) => (from[field] ?? null) !== (to[field] ?? null)).map((field) => ({
    field,
    from: from[field] ?? null,
    to: to[field] ?? null,
    changes: words(from[field] ?? '', to[field] ?? ''),
  }));

  const body: ParagraphDiff[] = [];
  let fromIndex = 0;
  let toIndex = 0;
  const parts = diffArrays(paragraphs(from.body), paragraphs(to.body));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // Removed then added at the same place: pair them up as edits; leftovers stay removals/additions.
      const pairs = Math.min(part.value.length, next.value.length);
      for (let k = 0; k < pairs; k++) {
        body.push({
          status: 'changed',
          fromParagraph: fromIndex + k + 1,
          toParagraph: toIndex + k + 1,
          from: part.value[k],
          to: next.value[k],
          changes: words(part.value[k], next.value[k]),
        });
      }
      for (let k = pairs; k < part.value.length; k++) body.push({ status: 'removed', fromParagraph: fromIndex + k + 1, from: part.value[k] });
      for (let k = pairs; k < next.value.length; k++) body.push({ status: 'added', toParagraph: toIndex + k + 1, to: next.value[k] });
      fromIndex += part.value.length;
      toIndex += next.value.length;
      i++;
    } else if (part.removed) {
      part.value.forEach((text, k) => body.push({ status: 'removed', fromParagraph: fromIndex + k + 1, from: text }));
      fromIndex += part.value.length;
    } else if (part.added) {
      part.value.forEach((text, k) => body.push({ status: 'added', toParagraph: toIndex + k + 1, to: text }));
      toIndex += part.value.length;
    } else {
      fromIndex += part.value.length;
      toIndex += part.value.length;
    }
  }

  const cite = (snapshot: RevisionSnapshot, position: number): string | null => {
    const source = snapshot.sources.find((s) => s.position === position);
    return source ? [source.title, source.publisher, source.url, source.accessedOn, source.language].filter(Boolean).join(' · ') : null;
  };
  const positions = [...new Set([...from.sources, ...to.sources].map((s) => s.position))].sort((a, b) => a - b);
  const sources = positions.map((position) => ({ position, from: cite(from, position), to: cite(to, position) })).filter((s) => s.from !== s.to);

  return { fields, body, sources };
}
