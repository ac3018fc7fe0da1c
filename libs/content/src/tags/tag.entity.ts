import { Column, CreateDateColumn, Entity, ForeignKey, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { TagTranslationEntity } from './tag-translation.entity';

@Entity({ name: 'tag' })
export class TagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The user who created the tag; an author-role user may name it in more locales. */
  @ForeignKey(() => UserEntity, { name: 'tag_created_by_fk', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @OneToMany(() => TagTranslationEntity, (translation) => translation.tag)
  translations?: Relation<TagTranslationEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
