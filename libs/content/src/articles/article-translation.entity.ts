import { Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { LocaleEntity } from '@kalam/i18n';
import { RevisionEntity } from '../revisions/revision.entity';
import { ArticleEntity } from './article.entity';
import { TRANSLATION_STATUSES, type TranslationStatus } from './translation-status';

/** One locale's version of an article. The slug is unique within its locale. */
@Entity({ name: 'article_translation' })
@Index('article_translation_locale_slug_uq', ['locale', 'slug'], { unique: true })
@Index('article_translation_locale_status_idx', ['locale', 'status'])
@Index('article_translation_locale_live_slug_uq', ['locale', 'liveSlug'], { unique: true })
// A trigram GIN index for the admin text filter; TypeORM cannot describe it, so it only keeps its hands off.
@Index('article_translation_title_trgm_idx', { synchronize: false })
export class ArticleTranslationEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ForeignKey(() => LocaleEntity, { name: 'article_translation_locale_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  locale: string;

  @ManyToOne(() => ArticleEntity, (article) => article.translations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'article_translation_article_fk' })
  article?: Relation<ArticleEntity>;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subtitle: string | null;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  summary: string | null;

  /** Markdown; `[^n]` cites the article's source at position n. */
  @Column({ name: 'body_markdown', type: 'text' })
  body: string;

  @Column({ name: 'seo_title', type: 'varchar', length: 200, nullable: true })
  seoTitle: string | null;

  @Column({ name: 'seo_description', type: 'varchar', length: 400, nullable: true })
  seoDescription: string | null;

  @Column({ type: 'enum', enum: TRANSLATION_STATUSES, enumName: 'translation_status', default: 'draft' })
  status: TranslationStatus;

  /** Optimistic-lock counter of this row: every write bumps it. Not a revision number. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The immutable revision readers get; null while nothing is live. Written by the workflow. */
  @ForeignKey(() => RevisionEntity, { name: 'article_translation_live_revision_fk', onDelete: 'SET NULL' })
  @Column({ name: 'live_revision_id', type: 'uuid', nullable: true })
  liveRevisionId: string | null;

  /** The slug readers reach the live revision by; it retires (into slug_history) only when another revision goes live. */
  @Column({ name: 'live_slug', type: 'varchar', length: 120, nullable: true })
  liveSlug: string | null;

  /**
   * For a translation (not the source text): the source revision its working text translates,
   * recorded when it is submitted. Null until then, and for the source locale. Written by libs/translation.
   */
  @ForeignKey(() => RevisionEntity, { name: 'article_translation_source_revision_fk', onDelete: 'SET NULL' })
  @Column({ name: 'source_revision_id', type: 'uuid', nullable: true })
  sourceRevisionId: string | null;

  /** The source revision the live revision translates (copied from `sourceRevisionId` when it goes live). */
  @ForeignKey(() => RevisionEntity, { name: 'article_translation_live_source_revision_fk', onDelete: 'SET NULL' })
  @Column({ name: 'live_source_revision_id', type: 'uuid', nullable: true })
  liveSourceRevisionId: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'publish_at', type: 'timestamptz', nullable: true })
  publishAt: Date | null;

  @Column({ name: 'unpublish_at', type: 'timestamptz', nullable: true })
  unpublishAt: Date | null;

  @ForeignKey(() => UserEntity, { name: 'article_translation_updated_by_fk', onDelete: 'SET NULL' })
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
