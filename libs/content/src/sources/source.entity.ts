import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { ArticleEntity } from '../articles/article.entity';

/** A numbered footnote source of an article: `[^n]` in any translation cites the source at position n. */
@Entity({ name: 'source' })
// Deferred, so a reorder can move positions through each other inside one transaction.
@Unique('source_article_position_uq', ['articleId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Check('source_position_check', '"position" >= 1')
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => ArticleEntity, { name: 'source_article_fk', onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  publisher: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  /** ISO date (YYYY-MM-DD); kept a string so no time zone can shift it. */
  @Column({ name: 'accessed_on', type: 'date', nullable: true })
  accessedOn: string | null;

  /** Language of the cited work, which need not be an enabled locale. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
