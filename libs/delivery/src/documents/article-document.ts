/** What the delivery API sends for one published translation (the contract in docs/api.md, and more). */
export interface ArticleDocument {
  id: string;
  locale: string;
  /** Set when the document answers for another locale through its fallback chain. */
  fallbackFrom?: string;
  sourceLocale: string;
  textDirection: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string | null;
  summary: string | null;
  bodyHtml: string;
  seo: { title: string; description: string | null };
  authors: DocumentAuthor[];
  footnotes: DocumentFootnote[];
  tags: DocumentTag[];
  heroImage: DocumentImage | null;
  alternates: DocumentAlternate[];
  related: ArticleCard[];
  publishedAt: string;
  updatedAt: string;
}

export interface DocumentAuthor {
  slug: string;
  displayName: string;
  title: string | null;
  /** Sanitized HTML; in `bioLocale`, which is the article's locale or the nearest one that has a bio. */
  bio: string | null;
  bioLocale: string | null;
}

export interface DocumentFootnote {
  number: number;
  title: string;
  publisher: string | null;
  url: string | null;
  accessedOn: string | null;
  language: string | null;
  /** The whole citation as text, labels and date written the locale's way. */
  citation: string;
}

export interface DocumentTag {
  slug: string;
  name: string;
  /** The locale the name and slug are in (the document's, or one along its chain). */
  locale: string;
}

export interface DocumentImage {
  id: string;
  /** Served by the delivery API for uploads (renditions with ?w=&format=); the external URL as given otherwise. */
  url: string;
  external: boolean;
  width: number | null;
  height: number | null;
  mimeType: string | null;
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

export interface DocumentAlternate {
  locale: string;
  slug: string;
  url: string;
}

/** An article in lists, feeds and related links. */
export interface ArticleCard {
  id: string;
  slug: string;
  url: string;
  title: string;
  summary: string | null;
  publishedAt: string;
  updatedAt: string;
  authors: { slug: string; displayName: string }[];
  heroImage: { url: string; alt: string | null } | null;
}
