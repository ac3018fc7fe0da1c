import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { ArticleTranslationEntity, RevisionEntity } from '@kalam/content';

/** A reviewer's remark on a translation, optionally on one field or body paragraph; replies point at their parent. */
@Entity({ name: 'review_comment' })
@Index('review_comment_translation_idx', ['articleId', 'locale', 'createdAt'])
@Check('review_comment_paragraph_check', `"paragraph" IS NULL OR "paragraph" >= 1`)
@ForeignKey(() => ArticleTranslationEntity, ['articleId', 'locale'], ['articleId', 'locale'], { name: 'review_comment_translation_fk', onDelete: 'CASCADE' })
export class ReviewCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'varchar', length: 16 })
  locale: string;

  /** The revision under review when the comment was made. */
  @ForeignKey(() => RevisionEntity, { name: 'review_comment_revision_fk', onDelete: 'SET NULL' })
  @Column({ name: 'revision_id', type: 'uuid', nullable: true })
  revisionId: string | null;

  @ForeignKey(() => ReviewCommentEntity, { name: 'review_comment_parent_fk', onDelete: 'CASCADE' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  field: string | null;

  @Column({ type: 'integer', nullable: true })
  paragraph: number | null;

  @Column({ type: 'text' })
  body: string;

  @ForeignKey(() => UserEntity, { name: 'review_comment_author_fk', onDelete: 'SET NULL' })
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @ForeignKey(() => UserEntity, { name: 'review_comment_resolved_by_fk', onDelete: 'SET NULL' })
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;
}
