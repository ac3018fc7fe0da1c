import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ArticleEntity, RevisionEntity } from '@kalam/content';
import { LocaleEntity } from '@kalam/i18n';

/**
 * One published segment pair: a source paragraph (or title, summary…) and its translation, with
 * footnote markers masked so a sentence citing [^3] in one article matches the same sentence citing
 * [^7] in another. Recorded when a translation goes live; matched with pg_trgm similarity.
 */
@Entity({ name: 'translation_memory' })
// Expression and GIN indexes TypeORM cannot describe (md5 of the texts; trigram ops).
@Index('translation_memory_pair_uq', { synchronize: false })
@Index('translation_memory_source_trgm_idx', { synchronize: false })
export class TranslationMemoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ForeignKey(() => LocaleEntity, { name: 'translation_memory_source_locale_fk', onDelete: 'CASCADE' })
  @Column({ name: 'source_locale', type: 'varchar', length: 16 })
  sourceLocale: string;

  @ForeignKey(() => LocaleEntity, { name: 'translation_memory_target_locale_fk', onDelete: 'CASCADE' })
  @Column({ name: 'target_locale', type: 'varchar', length: 16 })
  targetLocale: string;

  @Column({ name: 'source_text', type: 'text' })
  sourceText: string;

  @Column({ name: 'target_text', type: 'text' })
  targetText: string;

  @ForeignKey(() => ArticleEntity, { name: 'translation_memory_article_fk', onDelete: 'SET NULL' })
  @Column({ name: 'article_id', type: 'uuid', nullable: true })
  articleId: string | null;

  @ForeignKey(() => RevisionEntity, { name: 'translation_memory_revision_fk', onDelete: 'SET NULL' })
  @Column({ name: 'revision_id', type: 'uuid', nullable: true })
  revisionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Last time this pair was published again (or applied); newer pairs rank first among equals. */
  @Column({ name: 'used_at', type: 'timestamptz', default: () => 'now()' })
  usedAt: Date;
}
