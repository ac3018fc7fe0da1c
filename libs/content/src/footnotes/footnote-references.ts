import MarkdownIt from 'markdown-it';

// Without the footnote plugin "[^3]" stays literal text, which is what we want to find.
const parser = new MarkdownIt({ html: true });
// A backslash before the bracket makes it literal text, as the renderer reads it.
const REFERENCE = /(?<!\\)\[\^(\d{1,4})\]/g;
// "[^3]: text" at the start of a line is a definition (dropped by the renderer), not a citation.
const DEFINITION_LINE = /^[ \t]{0,3}(?:>[ \t]?)*\[\^\d{1,4}\]:/;

/** One `[^n]` in a Markdown body, with its place in the text. */
export interface FootnoteReference {
  number: number;
  start: number;
  end: number;
}

/**
 * The one footnote scanner: every `[^n]` that the renderer reads as a citation. It asks markdown-it
 * which source lines hold inline text (paragraphs, headings, list items, quotes, table cells) and
 * looks only there, outside code spans and off definition lines; code blocks, fences and raw HTML
 * blocks are never inline text. Both the checks and the renumbering use it, so they cannot disagree.
 */
export function scanFootnotes(markdown: string): FootnoteReference[] {
  const lineStarts = [0];
  for (let i = 0; i < markdown.length; i++) if (markdown.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (line: number) => (line < lineStarts.length ? lineStarts[line] : markdown.length);

  const ranges: [number, number][] = [];
  let enclosing: [number, number] | null = null;
  for (const token of parser.parse(markdown, {})) {
    if (token.type !== 'inline') {
      // Table cells have no line map of their own; the row around them has.
      if (token.map && token.nesting === 1) enclosing = token.map;
      continue;
    }
    const map = token.map ?? enclosing;
    if (!map) continue;
    const last = ranges[ranges.length - 1];
    if (!last || last[1] <= map[0]) ranges.push([map[0], map[1]]);
  }

  const references: FootnoteReference[] = [];
  for (const [fromLine, toLine] of ranges) {
    for (let line = fromLine; line < toLine; line++) {
      const start = lineAt(line);
      const text = markdown.slice(start, line + 1 < lineStarts.length ? lineAt(line + 1) - 1 : markdown.length);
      if (DEFINITION_LINE.test(text)) continue;
      const masked = maskCodeSpans(text);
      for (const match of masked.matchAll(REFERENCE)) {
        references.push({ number: Number(match[1]), start: start + match.index, end: start + match.index + match[0].length });
      }
    }
  }
  return references;
}

/** Replaces the inside of `code spans` with spaces (same length), so offsets stay valid. */
function maskCodeSpans(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') {
      out += text[i++];
      continue;
    }
    let run = 1;
    while (text[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = text.indexOf(fence, i + run);
    while (close !== -1 && text[close + run] === '`') close = text.indexOf(fence, close + run + 1);
    if (close === -1) {
      out += fence;
      i += run;
      continue;
    }
    out += fence + ' '.repeat(close - i - run) + fence;
    i = close + run;
  }
  return out;
}

/** The footnote numbers a Markdown body cites, in order of first appearance. */
export function citedFootnotes(markdown: string): number[] {
  return [...new Set(scanFootnotes(markdown).map((reference) => reference.number))];
}

/**
 * Rewrites `[^old]` to `[^new]` wherever the scanner finds a citation, for when sources are
 * reordered, inserted or removed. Numbers absent from the mapping stay as they are.
 */
export function renumberFootnotes(markdown: string, mapping: ReadonlyMap<number, number>): string {
  let out = '';
  let cursor = 0;
  for (const reference of scanFootnotes(markdown)) {
    const target = mapping.get(reference.number);
    if (target === undefined) continue;
    out += markdown.slice(cursor, reference.start) + `[^${target}]`;
    cursor = reference.end;
  }
  return out + markdown.slice(cursor);
}
