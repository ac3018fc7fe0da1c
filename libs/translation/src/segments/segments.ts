import { diffArrays } from 'diff';
import { scanFootnotes } from '@kalam/content';
import { paragraphs } from '@kalam/workflow';

/** The translatable fields besides the body, in the order a translator reads them. */
export const FIELD_UNITS = ['title', 'subtitle', 'summary', 'seoTitle', 'seoDescription'] as const;
export type FieldUnit = (typeof FIELD_UNITS)[number];

export interface TranslatableText {
  title: string;
  subtitle: string | null;
  summary: string | null;
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
}

/** One unit of translation work: a field, or one paragraph of the body (`p1`, `p2`… 1-based). */
export interface Segment {
  id: string;
  field: FieldUnit | 'body';
  paragraph?: number;
  text: string;
}

/** Text and footnote citations, in order: what a CAT tool sees as text and inline codes. */
export type Piece = string | { footnote: number };

export function segmentsOf(text: TranslatableText): Segment[] {
  const fields: Segment[] = FIELD_UNITS.filter((field) => text[field]?.trim()).map((field) => ({ id: field, field, text: text[field] as string }));
  const body = paragraphs(text.body).map((paragraph, index) => ({ id: `p${index + 1}`, field: 'body' as const, paragraph: index + 1, text: paragraph }));
  return [...fields, ...body];
}

/** Splits text at footnote citations, found by the same scanner the footnote checks use. */
export function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const reference of scanFootnotes(text)) {
    if (reference.start > cursor) pieces.push(text.slice(cursor, reference.start));
    pieces.push({ footnote: reference.number });
    cursor = reference.end;
  }
  if (cursor < text.length) pieces.push(text.slice(cursor));
  return pieces;
}

export const textOf = (pieces: Piece[]): string => pieces.map((piece) => (typeof piece === 'string' ? piece : `[^${piece.footnote}]`)).join('');

/** The footnote numbers a text cites, as a sorted list (repeats kept): what an import must give back. */
export function citations(text: string): number[] {
  return scanFootnotes(text)
    .map((reference) => reference.number)
    .sort((a, b) => a - b);
}

/**
 * Replaces footnote numbers with their order of first appearance in the source (`[^#1]`, `[^#2]`),
 * so memory matches a sentence however the article numbers its sources. The target is masked with
 * the source's numbering; numbers the source does not cite stay as they are.
 */
export function maskFootnotes(source: string, target?: string): { source: string; target?: string; numbers: number[] } {
  const numbers: number[] = [];
  for (const { number } of scanFootnotes(source)) if (!numbers.includes(number)) numbers.push(number);
  const mask = (text: string) =>
    textOf(
      piecesOf(text).map((piece) => (typeof piece === 'string' || !numbers.includes(piece.footnote) ? piece : `[^#${numbers.indexOf(piece.footnote) + 1}]`)),
    );
  return { source: mask(source), ...(target === undefined ? {} : { target: mask(target) }), numbers };
}

/** Puts a paragraph's own footnote numbers back into masked memory text. */
export function unmaskFootnotes(masked: string, numbers: number[]): string {
  return masked.replace(/\[\^#(\d+)\]/g, (_marker, k: string) => {
    const number = numbers[Number(k) - 1];
    // A remembered sentence citing more sources than this paragraph: the citation is there, its number unknown.
    return number === undefined ? '[^?]' : `[^${number}]`;
  });
}

/**
 * Lines the translation's paragraphs up with a new source. They line up with the source revision
 * they were based on (when their counts match); paragraphs the source kept carry their translation
 * over, an edited paragraph keeps its old translation as the starting point (the caller marks it
 * changed), and new paragraphs get null. A paragraph the source removed drops out.
 */
export function carryOver(baseSource: string[], newSource: string[], translation: string[]): (string | null)[] {
  const result: (string | null)[] = newSource.map(() => null);
  if (baseSource.length !== translation.length) return result;
  let from = 0;
  let to = 0;
  const parts = diffArrays(baseSource, newSource);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const pairs = Math.min(part.value.length, next.value.length);
      for (let k = 0; k < pairs; k++) result[to + k] = translation[from + k];
      from += part.value.length;
      to += next.value.length;
      i++;
    } else if (part.removed) from += part.value.length;
    else if (part.added) to += part.value.length;
    else {
      for (let k = 0; k < part.value.length; k++) result[to + k] = translation[from + k];
      from += part.value.length;
      to += part.value.length;
    }
  }
  return result;
}

/** The translation's text with each unit's target: fields by name, the body from its paragraphs in order. */
export function assemble(units: Map<string, string>, sourceSegments: Segment[]): TranslatableText {
  const field = (name: FieldUnit) => units.get(name)?.trim() || null;
  const body = sourceSegments
    .filter((segment) => segment.field === 'body')
    .map((segment) => units.get(segment.id)?.trim() ?? '')
    .join('\n\n');
  return {
    title: field('title') ?? '',
    subtitle: field('subtitle'),
    summary: field('summary'),
    body,
    seoTitle: field('seoTitle'),
    seoDescription: field('seoDescription'),
  };
}
