import MarkdownIt from 'markdown-it';

// Without the footnote plugin "[^3]" stays literal text, which is what we want to find.
const parser = new MarkdownIt({ html: true });
const REFERENCE = /\[\^(\d{1,4})\]/g;
// "[^3]: text" at the start of a line is a definition, not a citation.
const DEFINITION = /^\s{0,3}\[\^\d{1,4}\]:/gm;

type InlineToken = { children: { type: string; content: string }[] | null };

function inlineText(token: InlineToken): string {
  return (token.children ?? []).map((child) => (child.type === 'text' ? child.content : '\u0000')).join('');
}

/**
 * The footnote numbers a Markdown body cites, in order of first appearance, ignoring code spans,
 * code blocks and footnote definitions.
 */
export function citedFootnotes(markdown: string): number[] {
  const seen = new Set<number>();
  for (const token of parser.parse(markdown.replace(DEFINITION, ''), {})) {
    if (token.type !== 'inline') continue;
    for (const match of inlineText(token).matchAll(REFERENCE)) seen.add(Number(match[1]));
  }
  return [...seen];
}

/**
 * Rewrites `[^old]` to `[^new]` outside code, for when sources are reordered or one is removed.
 * Numbers absent from the mapping stay as they are.
 */
export function renumberFootnotes(markdown: string, mapping: ReadonlyMap<number, number>): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  return lines
    .map((line) => {
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fenceMatch) {
        if (!fence) fence = fenceMatch[1][0];
        else if (fenceMatch[1][0] === fence) fence = null;
        return line;
      }
      if (fence) return line;
      // Split on inline code spans and rewrite only the parts between them.
      return line
        .split(/(`+[^`]*`+)/)
        .map((part, index) => (index % 2 === 1 ? part : part.replace(REFERENCE, (whole, n) => (mapping.has(Number(n)) ? `[^${mapping.get(Number(n))}]` : whole))))
        .join('');
    })
    .join('\n');
}
