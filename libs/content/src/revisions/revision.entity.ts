import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { ArticleTranslationEntity } from '../articles/article-translation.entity';

/** Everything a reader sees of one translation at one moment, sources included. */
export interface RevisionSnapshot {
  title: string;
  subtitle: string | null;
  slug: string;
  summary: string | null;
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
  /** The article's sources when the revision was made, so a live revision keeps citing what it cited. */
  sources: { position: number; title: string; publisher: string | null; url: string | null; accessedOn: string | null; language: string | null }[];
}

/**
 * An immutable state of one translation. Never updated; restoring one makes a new one. The table
 * is content's (a revision is a snapshot of content's text); libs/workflow decides when they are made.
 */
@Entity({ name: 'revision' })
@Index('revision_translation_number_uq', ['articleId', 'locale', 'number'], { unique: true })
@ForeignKey(() => ArticleTranslationEntity, ['articleId', 'locale'], ['articleId', 'locale'], { name: 'revision_translation_fk', onDelete: 'CASCADE' })
export class RevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'varchar', length: 16 })
  locale: string;

  /** 1, 2, 3… per translation, for people ("revision 7"). */
  @Column({ type: 'integer' })
  number: number;

  /** The translation's version this revision captured. */
  @Column({ name: 'translation_version', type: 'integer' })
  translationVersion: number;

  @Column({ type: 'jsonb' })
  snapshot: RevisionSnapshot;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message: string | null;

  @ForeignKey(() => UserEntity, { name: 'revision_created_by_fk', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
