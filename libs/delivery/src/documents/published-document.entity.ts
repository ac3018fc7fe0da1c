import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ArticleEntity, RevisionEntity } from '@kalam/content';
import { LocaleEntity } from '@kalam/i18n';

/**
 * One live translation as the delivery API sends it: rendered at publish time (in the publish
 * transaction), so reading an article is one indexed row whose bytes go out as they are.
 * Written only by DocumentsService; GIN indexes (authors, tags, search) are the migration's.
 */
@Entity({ name: 'published_document' })
@Index('published_document_locale_slug_uq', ['locale', 'slug'], { unique: true })
@Index('published_document_locale_newest_idx', { synchronize: false })
@Index('published_document_authors_idx', { synchronize: false })
@Index('published_document_tags_idx', { synchronize: false })
@Index('published_document_related_idx', { synchronize: false })
@Index('published_document_media_idx', { synchronize: false })
@Index('published_document_search_idx', { synchronize: false })
@Index('published_document_search_head_idx', { synchronize: false })
@Index('published_document_revision_idx', ['revisionId'])
export class PublishedDocumentEntity {
  @ForeignKey(() => ArticleEntity, { name: 'published_document_article_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'article_id', type: 'uuid', primaryKeyConstraintName: 'published_document_pk' })
  articleId: string;

  @ForeignKey(() => LocaleEntity, { name: 'published_document_locale_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'published_document_pk' })
  locale: string;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @ForeignKey(() => RevisionEntity, { name: 'published_document_revision_fk', onDelete: 'CASCADE' })
  @Column({ name: 'revision_id', type: 'uuid' })
  revisionId: string;

  /** The serialized ArticleDocument, sent as stored. */
  @Column({ type: 'text' })
  document: string;

  /** The serialized ArticleCard for lists and feeds. */
  @Column({ type: 'text' })
  card: string;

  /** Strong validator of `document`, quoted as sent. */
  @Column({ type: 'varchar', length: 64 })
  etag: string;

  /** The CDN purge keys sent with it (article, authors, tags, locale), ready to send. */
  @Column({ name: 'surrogate_keys', type: 'text' })
  surrogateKeys: string;

  @Column({ name: 'author_ids', type: 'uuid', array: true, default: () => "'{}'" })
  authorIds: string[];

  @Column({ name: 'tag_ids', type: 'uuid', array: true, default: () => "'{}'" })
  tagIds: string[];

  /** The articles shown as related, so a change to one of them re-renders this document. */
  @Column({ name: 'related_ids', type: 'uuid', array: true, default: () => "'{}'" })
  relatedIds: string[];

  @Column({ name: 'media_id', type: 'uuid', nullable: true })
  mediaId: string | null;

  /** Weighted title (A) > summary (B) > body (C), in the locale's text-search configuration. */
  @Column({ type: 'tsvector', select: false })
  search: string;

  /** Title (A) and summary (B) alone: what search ranks by. */
  @Column({ name: 'search_head', type: 'tsvector', select: false })
  searchHead: string;

  /** Title, summary and body as plain text, for search snippets. */
  @Column({ name: 'search_text', type: 'text', select: false })
  searchText: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
