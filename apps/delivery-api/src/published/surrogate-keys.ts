import type { StoredDocument } from '@kalam/delivery';

/** The CDN purge keys of an article page: the article, who wrote it, its tags, its locale. */
export function documentKeys(doc: Pick<StoredDocument, 'articleId' | 'authorIds' | 'tagIds' | 'locale'>): string[] {
  return [`article:${doc.articleId}`, ...doc.authorIds.map((id) => `author:${id}`), ...doc.tagIds.map((id) => `tag:${id}`), `locale:${doc.locale}`];
}

/** A page of cards as JSON, built from the stored card bytes without parsing them. */
export function cardPage(cards: string[], page: number, limit: number, total: number, extra = ''): string {
  return `{${extra}"items":[${cards.join(',')}],"page":${page},"limit":${limit},"total":${total}}`;
}
