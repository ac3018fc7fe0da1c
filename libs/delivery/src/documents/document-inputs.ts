import type { RevisionSnapshot } from '@kalam/content';

/** One locale's text to render: a live revision, or (for preview) the working draft. */
export interface TextToRender {
  locale: string;
  revisionId: string;
  snapshot: RevisionSnapshot;
  /** When this translation first went live (kept while it stays live), and when its text last did. */
  publishedAt: Date;
  updatedAt: Date;
}

/** Everything one article's documents are made from, loaded in a few queries (DocumentSources). */
export interface DocumentInputs {
  article: { id: string; sourceLocale: string };
  texts: TextToRender[];
  authors: {
    id: string;
    slug: string;
    name: string;
    translations: { locale: string; displayName: string | null; title: string | null; bio: string }[];
  }[];
  tags: { id: string; translations: { locale: string; name: string; slug: string }[] }[];
  hero: {
    id: string;
    external: boolean;
    externalUrl: string | null;
    width: number | null;
    height: number | null;
    mimeType: string | null;
    credit: string | null;
    translations: { locale: string; caption: string | null; altText: string | null }[];
  } | null;
}

/** A locale as rendering needs it: its chain from the registry and its search configuration. */
export interface RenderLocale {
  code: string;
  chain: string[];
  textDirection: string;
  textSearchConfig: string;
}
