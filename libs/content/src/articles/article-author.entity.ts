import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AuthorEntity } from '../authors/author.entity';
import { ArticleEntity } from './article.entity';

/** An article's authors in byline order. */
@Entity({ name: 'article_author' })
@Index('article_author_author_idx', ['authorId'])
export class ArticleAuthorEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ForeignKey(() => AuthorEntity, { name: 'article_author_author_fk', onDelete: 'RESTRICT' })
  @PrimaryColumn({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => ArticleEntity, (article) => article.authorLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'article_author_article_fk' })
  article?: Relation<ArticleEntity>;

  @Column({ type: 'smallint' })
  position: number;
}
