import { Column, Entity, ForeignKey, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { LocaleEntity } from '@kalam/i18n';
import { MediaEntity } from './media.entity';

@Entity({ name: 'media_translation' })
export class MediaTranslationEntity {
  @PrimaryColumn({ name: 'media_id', type: 'uuid' })
  mediaId: string;

  @ForeignKey(() => LocaleEntity, { name: 'media_translation_locale_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  locale: string;

  @ManyToOne(() => MediaEntity, (media) => media.translations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'media_id', foreignKeyConstraintName: 'media_translation_media_fk' })
  media?: Relation<MediaEntity>;

  @Column({ type: 'text', nullable: true })
  caption: string | null;

  @Column({ name: 'alt_text', type: 'varchar', length: 500, nullable: true })
  altText: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
