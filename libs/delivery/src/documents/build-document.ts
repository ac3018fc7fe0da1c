import { markdownToPlainText, renderArticleBody, type CitationSource } from '@kalam/content';
import { authorView } from '../localize/author-view';
import { pickTranslation } from '../localize/pick-translation';
import type { ArticleCard, ArticleDocument, DocumentFootnote } from './article-document';
import type { DocumentInputs, RenderLocale, TextToRender } from './document-inputs';

export interface RenderContext {
  locales: ReadonlyMap<string, RenderLocale>;
  /** Locale codes in switcher order: where a record has no text along the chain, the first of these that has one. */
  order: readonly string[];
  articleUrl(locale: string, slug: string): string;
  mediaUrl(id: string): string;
  /** "Date of Accession: 1 March 2024", in the locale's words and date style. */
  accessed(locale: string, date: string): string;
}

/** A rendered document and what lists, filters and search need beside it. */
export interface BuiltDocument {
  document: ArticleDocument;
  card: ArticleCard;
  revisionId: string;
  authorIds: string[];
  tagIds: string[];
  mediaId: string | null;
  search: { config: string; title: string; summary: string; body: string };
}

export function citationText(source: CitationSource, locale: string, context: RenderContext): string {
  const parts = [source.title, source.publisher, source.url].filter((part): part is string => Boolean(part));
  return parts.join(', ') + (source.accessedOn ? ` (${context.accessed(locale, source.accessedOn)})` : '');
}

/**
 * The documents of one article, one per text given: body HTML with footnotes cited in the locale's
 * style, byline bios, tag names and hero captions in the locale or along its fallback chain, and the
 * alternates every translation links to. A pure function of its inputs, so it is tested without a database.
 */
export function buildDocuments(inputs: DocumentInputs, context: RenderContext): BuiltDocument[] {
  const alternates = inputs.texts
    .map((text) => ({ locale: text.locale, slug: text.snapshot.slug, url: context.articleUrl(text.locale, text.snapshot.slug) }))
    .sort((a, b) => rank(context, a.locale) - rank(context, b.locale));
  return inputs.texts.map((text) => buildOne(inputs, text, alternates, context));
}

const rank = (context: RenderContext, locale: string) => {
  const at = context.order.indexOf(locale);
  return at === -1 ? context.order.length : at;
};

function buildOne(inputs: DocumentInputs, text: TextToRender, alternates: ArticleDocument['alternates'], context: RenderContext): BuiltDocument {
  const { locale, snapshot } = text;
  const registry = context.locales.get(locale);
  const chain = registry?.chain ?? [locale];
  const anyOrder = context.order;
  const labels = { accessed: (date: string) => context.accessed(locale, date) };

  const authors = inputs.authors.map((author) => authorView(author, chain, anyOrder));
  const tags = inputs.tags.flatMap((tag) => {
    const named = pickTranslation(tag.translations, chain, { anyOrder });
    return named ? [{ slug: named.slug, name: named.name, locale: named.locale }] : [];
  });
  const hero = inputs.hero;
  const heroText = hero ? pickTranslation(hero.translations, chain, { usable: (t) => Boolean(t.caption || t.altText) }) : undefined;
  const heroImage = hero
    ? {
        id: hero.id,
        url: hero.external ? hero.externalUrl! : context.mediaUrl(hero.id),
        external: hero.external,
        width: hero.width,
        height: hero.height,
        mimeType: hero.mimeType,
        alt: heroText?.altText ?? null,
        caption: heroText?.caption ?? null,
        credit: hero.credit,
      }
    : null;
  const sources = [...snapshot.sources].sort((a, b) => a.position - b.position);
  const footnotes: DocumentFootnote[] = sources.map((source) => ({
    number: source.position,
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    accessedOn: source.accessedOn,
    language: source.language,
    citation: citationText(source, locale, context),
  }));
  const url = context.articleUrl(locale, snapshot.slug);
  const card: ArticleCard = {
    id: inputs.article.id,
    slug: snapshot.slug,
    url,
    title: snapshot.title,
    summary: snapshot.summary,
    publishedAt: text.publishedAt.toISOString(),
    updatedAt: text.updatedAt.toISOString(),
    authors: authors.map((a) => ({ slug: a.slug, displayName: a.displayName })),
    heroImage: heroImage ? { url: heroImage.url, alt: heroImage.alt } : null,
  };
  const document: ArticleDocument = {
    id: inputs.article.id,
    locale,
    sourceLocale: inputs.article.sourceLocale,
    textDirection: registry?.textDirection ?? 'ltr',
    slug: snapshot.slug,
    url,
    title: snapshot.title,
    subtitle: snapshot.subtitle,
    summary: snapshot.summary,
    bodyHtml: renderArticleBody(snapshot.body, sources, labels),
    seo: { title: snapshot.seoTitle ?? snapshot.title, description: snapshot.seoDescription ?? snapshot.summary },
    authors,
    footnotes,
    tags,
    heroImage,
    alternates,
    related: [],
    publishedAt: card.publishedAt,
    updatedAt: card.updatedAt,
  };
  return {
    document,
    card,
    revisionId: text.revisionId,
    authorIds: inputs.authors.map((a) => a.id),
    tagIds: inputs.tags.map((t) => t.id),
    mediaId: hero?.id ?? null,
    search: {
      config: registry?.textSearchConfig ?? 'simple',
      title: [snapshot.title, snapshot.subtitle].filter(Boolean).join(' '),
      summary: snapshot.summary ?? '',
      body: markdownToPlainText(snapshot.body),
    },
  };
}
