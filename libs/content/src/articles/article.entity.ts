import { Column, CreateDateColumn, Entity, ForeignKey, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { LocaleEntity } from '@kalam/i18n';
import { MediaEntity } from '../media/media.entity';
import { ArticleAuthorEntity } from './article-author.entity';
import { ArticleTranslationEntity } from './article-translation.entity';

/** What all translations of a piece share: source locale, authors, tags, hero image, sources. */
@Entity({ name: 'article' })
export class ArticleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => LocaleEntity, { name: 'article_source_locale_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'source_locale', type: 'varchar', length: 16 })
  sourceLocale: string;

  @ForeignKey(() => MediaEntity, { name: 'article_hero_media_fk', onDelete: 'SET NULL' })
  @Column({ name: 'hero_media_id', type: 'uuid', nullable: true })
  heroMediaId: string | null;

  @ForeignKey(() => UserEntity, { name: 'article_created_by_fk', onDelete: 'SET NULL' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The last version given to any of the article's sources; only ever grows (see SourcesService). */
  @Column({ name: 'sources_version', type: 'integer', default: 0, select: false })
  sourcesVersion: number;

  @OneToMany(() => ArticleTranslationEntity, (translation) => translation.article)
  translations?: Relation<ArticleTranslationEntity[]>;

  @OneToMany(() => ArticleAuthorEntity, (link) => link.article)
  authorLinks?: Relation<ArticleAuthorEntity[]>;

  @Index('article_created_at_idx')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
