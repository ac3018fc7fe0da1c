import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ArticleEntity } from './article.entity';

/** Slugs an article no longer uses, so old links can redirect instead of breaking. */
@Entity({ name: 'slug_history' })
export class SlugHistoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  locale: string;

  @PrimaryColumn({ type: 'varchar', length: 120 })
  slug: string;

  @Index('slug_history_article_idx')
  @ForeignKey(() => ArticleEntity, { name: 'slug_history_article_fk', onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @CreateDateColumn({ name: 'retired_at', type: 'timestamptz' })
  retiredAt: Date;
}
