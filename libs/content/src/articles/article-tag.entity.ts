import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'article_tag' })
export class ArticleTagEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;
}
