import { Column, CreateDateColumn, Entity, ForeignKey, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { AuthorTranslationEntity } from './author-translation.entity';

@Entity({ name: 'author' })
export class AuthorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One slug in every locale: /v1/tr/authors/{slug} and /v1/ru/authors/{slug} are the same person. */
  @Index('author_slug_uq', { unique: true })
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  /** The name as the author writes it; translations may give a transliterated display name. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The user who created the profile; an author-role user may edit the profiles they created. */
  @ForeignKey(() => UserEntity, { name: 'author_created_by_fk', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @OneToMany(() => AuthorTranslationEntity, (translation) => translation.author)
  translations?: Relation<AuthorTranslationEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
