import { Column, CreateDateColumn, Entity, ForeignKey, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { LocaleEntity } from '@kalam/i18n';
import { AuthorEntity } from './author.entity';

/** An author's name, title and bio in one locale. A bio may exist only in another language than the article. */
@Entity({ name: 'author_translation' })
export class AuthorTranslationEntity {
  @PrimaryColumn({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ForeignKey(() => LocaleEntity, { name: 'author_translation_locale_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  locale: string;

  @ManyToOne(() => AuthorEntity, (author) => author.translations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'author_translation_author_fk' })
  author?: Relation<AuthorEntity>;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  bio: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
