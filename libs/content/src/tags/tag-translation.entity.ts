import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { LocaleEntity } from '@kalam/i18n';
import { TagEntity } from './tag.entity';

/** A tag's name and slug in one locale; slugs are unique within a locale. */
@Entity({ name: 'tag_translation' })
@Index('tag_translation_locale_slug_uq', ['locale', 'slug'], { unique: true })
export class TagTranslationEntity {
  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;

  @ForeignKey(() => LocaleEntity, { name: 'tag_translation_locale_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  locale: string;

  @ManyToOne(() => TagEntity, (tag) => tag.translations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id', foreignKeyConstraintName: 'tag_translation_tag_fk' })
  tag?: Relation<TagEntity>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
