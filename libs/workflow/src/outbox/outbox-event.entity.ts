import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that happened, written in the same transaction as the change, so it is recorded if and
 * only if the change committed. Webhook delivery and re-rendering read from here.
 */
@Entity({ name: 'outbox' })
@Index('outbox_article_idx', ['articleId', 'id'])
@Index('outbox_undispatched_idx', ['id'], { where: '"dispatched_at" IS NULL' })
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ name: 'article_id', type: 'uuid', nullable: true })
  articleId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  locale: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's insert typing cannot express unknown-valued jsonb
  payload: Record<string, any>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the webhook dispatcher turned it into deliveries; null while it waits. */
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
