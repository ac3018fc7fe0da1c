import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OutboxEventEntity } from '@kalam/workflow';
import { WebhookEntity } from '../webhooks/webhook.entity';

export const DELIVERY_STATUSES = ['pending', 'delivering', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event on its way to one webhook: pending until due, delivering while a worker holds its lease,
 * then succeeded or failed (given up, or refused by the receiver). The body is fixed when it is
 * created, so every attempt sends the same bytes.
 */
@Entity({ name: 'webhook_delivery' })
@Index('webhook_delivery_event_uq', ['webhookId', 'eventId'], { unique: true })
@Index('webhook_delivery_log_idx', ['webhookId', 'createdAt', 'id'])
@Index('webhook_delivery_stream_idx', ['webhookId', 'articleId', 'eventId'], { where: `"status" IN ('pending', 'delivering')` })
@Index('webhook_delivery_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Index('webhook_delivery_lease_idx', ['leaseUntil'], { where: `"status" = 'delivering'` })
@Check('webhook_delivery_lease_check', `"status" <> 'delivering' OR "lease_until" IS NOT NULL`)
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'webhook_delivery_webhook_fk' })
  webhook?: Relation<WebhookEntity>;

  /** The outbox event; null for pings. */
  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId: string | null;

  @ManyToOne(() => OutboxEventEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'webhook_delivery_event_fk' })
  event?: Relation<OutboxEventEntity>;

  /** The `webhook-id` header: the receiver's idempotency key. */
  @Column({ name: 'message_id', type: 'varchar', length: 64 })
  messageId: string;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ name: 'article_id', type: 'uuid', nullable: true })
  articleId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  locale: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, enumName: 'webhook_delivery_status', default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'retry_until', type: 'timestamptz' })
  retryUntil: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'varchar', length: 1024, nullable: true })
  responseBody: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
