import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { TagEntity } from '../tags/tag.entity';
import { ArticleEntity } from './article.entity';

@Entity({ name: 'article_tag' })
@Index('article_tag_tag_idx', ['tagId'])
export class ArticleTagEntity {
  @ForeignKey(() => ArticleEntity, { name: 'article_tag_article_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ForeignKey(() => TagEntity, { name: 'article_tag_tag_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;
}
