import MarkdownIt from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import sanitizeHtml from 'sanitize-html';
import { randomUUID } from 'node:crypto';

export interface CitationSource {
  position: number;
  title: string;
  publisher: string | null;
  url: string | null;
  accessedOn: string | null;
}

export interface CitationLabels {
  /** "accessed 2024-03-01" in the body's language. */
  accessed: (date: string) => string;
}

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

// Footnotes: the plugin finds the references; we number them by source position (not by order of
// first use, the plugin's default) and build the list from the sources ourselves. The plugin's own
// list (from placeholder definitions) always comes last; it starts with a marker we cut at. The
// marker carries a per-process nonce, so no body can forge it.
const FOOTNOTE_LIST_MARKER = `<!--kalam-footnotes-${randomUUID()}-->`;
// Markup the renderer makes itself carries this class (also unguessable); ids and classes on any
// other element are author HTML and are dropped, so a body cannot forge a footnote list or links.
const OWN = `kalam-${randomUUID()}`;
const bodyMarkdown = new MarkdownIt({ html: true, linkify: true, typographer: false }).use(footnotePlugin);
bodyMarkdown.renderer.rules.footnote_block_open = () => FOOTNOTE_LIST_MARKER;
bodyMarkdown.renderer.rules.footnote_ref = (tokens, idx) => {
  const { label, subId } = tokens[idx].meta as { label: string; subId: number };
  const id = subId > 0 ? `fnref-${label}-${subId}` : `fnref-${label}`;
  return `<sup class="footnote-ref ${OWN}"><a href="#fn-${label}" id="${id}" class="${OWN}">${label}</a></sup>`;
};

// Anything Markdown could read as syntax in a citation is escaped, so a title renders as written.
const escapeMarkdown = (text: string) => text.replace(/([\\`*_{}[\]()<>#+\-.!|~^])/g, '\\$1').replace(/\s+/g, ' ');

export function citationMarkdown(source: CitationSource, labels: CitationLabels): string {
  const parts = [escapeMarkdown(source.title)];
  if (source.publisher) parts.push(`*${escapeMarkdown(source.publisher)}*`);
  if (source.url) parts.push(`<${source.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  const accessed = source.accessedOn ? ` (${escapeMarkdown(labels.accessed(source.accessedOn))})` : '';
  return parts.join(', ') + accessed;
}

/**
 * Keeps ids and classes only on the renderer's own markup (marked with OWN, which is removed),
 * and `language-*` classes on code; links that leave the page do not get to script the opener.
 */
function scrubAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const classes = (attribs.class ?? '').split(/\s+/).filter(Boolean);
  const next: sanitizeHtml.Attributes = { ...attribs };
  const kept = classes.includes(OWN) ? classes.filter((c) => c !== OWN) : classes.filter((c) => /^language-[\w-]+$/.test(c));
  if (!classes.includes(OWN)) delete next.id;
  if (kept.length) next.class = kept.join(' ');
  else delete next.class;
  if (tagName === 'a' && /^https?:/i.test(next.href ?? '')) next.rel = 'noopener noreferrer nofollow';
  return { tagName, attribs: next };
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'figure', 'figcaption', 'section', 'sup', 'sub', 'del', 'ins', 'mark', 'abbr', 'cite'],
  allowedAttributes: {
    a: ['href', 'title', 'id', 'class', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    sup: ['class', 'id'],
    li: ['id', 'class'],
    ol: ['start', 'class'],
    section: ['class'],
    hr: ['class'],
    abbr: ['title'],
    th: ['align', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    code: ['class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: { '*': scrubAttributes },
};

/** Sanitizes HTML from any Markdown render: no scripts, no event handlers, no javascript: URLs. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/**
 * Renders an article body to safe HTML. Footnote references `[^n]` link to a numbered list built
 * from the article's sources (in the body's locale's citation style), not from definitions typed
 * into the body, so every translation cites the same list.
 */
export function renderArticleBody(body: string, sources: readonly CitationSource[], labels: CitationLabels): string {
  // Definitions typed into the body would compete with the sources; they are dropped. The plugin
  // only recognises a reference that has a definition, so each source gets a placeholder one.
  const withoutTyped = body.replace(/^\s{0,3}\[\^\d{1,4}\]:.*$/gm, '');
  const placeholders = sources.map((source) => `[^${source.position}]: .`).join('\n');
  const env: { footnotes?: { list?: { label?: string }[] } } = {};
  const rendered = bodyMarkdown.renderer.render(bodyMarkdown.parse(`${withoutTyped}\n\n${placeholders}\n`, env), bodyMarkdown.options, env);
  const cut = rendered.indexOf(FOOTNOTE_LIST_MARKER);
  const html = cut === -1 ? rendered : rendered.slice(0, cut);
  const cited = new Set((env.footnotes?.list ?? []).map((footnote) => footnote.label));
  if (!sources.length) return sanitize(html);
  const items = [...sources]
    .sort((a, b) => a.position - b.position)
    .map((source) => {
      const backref = cited.has(String(source.position)) ? ` <a href="#fnref-${source.position}" class="footnote-backref ${OWN}">↩</a>` : '';
      return `<li id="fn-${source.position}" class="${OWN}">${markdown.renderInline(citationMarkdown(source, labels))}${backref}</li>`;
    });
  return sanitize(`${html}<section class="footnotes ${OWN}"><ol class="footnotes-list ${OWN}">\n${items.join('\n')}\n</ol></section>\n`);
}

/** Plain Markdown (bios, captions): rendered and sanitized, no footnotes. */
export function renderMarkdown(text: string): string {
  return sanitize(markdown.render(text));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The words of a Markdown text, for search indexes and snippets: no markup, no footnote markers. */
export function markdownToPlainText(text: string): string {
  const html = markdown.render(text.replace(/\[\^\d{1,4}\](?!:)/g, '').replace(/^\s{0,3}\[\^\d{1,4}\]:.*$/gm, ''));
  return sanitizeHtml(html.replace(/<\/(p|h\d|li|blockquote|pre|tr)>/g, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
