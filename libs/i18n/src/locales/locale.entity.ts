import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';

export type TextDirection = 'ltr' | 'rtl';

/** A content locale. Locales are rows: adding Kazakh or German is an API call, not a migration. */
@Entity({ name: 'locale' })
@Check('locale_text_direction_check', `"text_direction" IN ('ltr', 'rtl')`)
@Check('locale_fallback_not_self_check', '"fallback_code" IS DISTINCT FROM "code"')
export class LocaleEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'native_name', type: 'varchar', length: 100 })
  nativeName: string;

  @Index('locale_fallback_code_idx')
  @Column({ name: 'fallback_code', type: 'varchar', length: 16, nullable: true })
  fallbackCode: string | null;

  @ManyToOne(() => LocaleEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fallback_code', foreignKeyConstraintName: 'locale_fallback_code_fk' })
  fallback?: Relation<LocaleEntity> | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'text_direction', type: 'varchar', length: 3, default: 'ltr' })
  textDirection: TextDirection;

  /** PostgreSQL text-search configuration used for this locale's full-text index (english, turkish, simple…). */
  @Column({ name: 'text_search_config', type: 'varchar', length: 63, default: 'simple' })
  textSearchConfig: string;

  /** Order in language switchers and admin lists. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
