import { Check, Column, CreateDateColumn, Entity, ForeignKey, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { MediaTranslationEntity } from './media-translation.entity';

export type MediaKind = 'upload' | 'external';

/** An image: uploaded into KALAM_DATA_DIR/media, or an external URL. Credit is the same in every locale. */
@Entity({ name: 'media' })
@Check('media_location_check', `("kind" = 'upload' AND "storage_key" IS NOT NULL) OR ("kind" = 'external' AND "external_url" IS NOT NULL)`)
export class MediaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ['upload', 'external'], enumName: 'media_kind' })
  kind: MediaKind;

  /** Path below the media directory, for uploads. */
  @Column({ name: 'storage_key', type: 'varchar', length: 300, nullable: true })
  storageKey: string | null;

  @Column({ name: 'external_url', type: 'varchar', length: 2000, nullable: true })
  externalUrl: string | null;

  @Column({ name: 'original_name', type: 'varchar', length: 300, nullable: true })
  originalName: string | null;

  @Column({ name: 'mime_type', type: 'varchar', length: 100, nullable: true })
  mimeType: string | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  credit: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @ForeignKey(() => UserEntity, { name: 'media_created_by_fk', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @OneToMany(() => MediaTranslationEntity, (translation) => translation.media)
  translations?: Relation<MediaTranslationEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
