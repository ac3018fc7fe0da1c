import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '@kalam/database';

/** The job that says "try this delivery now"; the delivery row decides whether that still makes sense. */
export interface DeliverJob {
  deliveryId: string;
  webhookId: string;
}

/** The deliveries of a webhook that nothing earlier of the same article holds back. */
export const STREAM_HEAD_SQL = `NOT EXISTS (
  SELECT 1 FROM webhook_delivery e
   WHERE e.webhook_id = d.webhook_id AND e.article_id = d.article_id AND e.event_id < d.event_id AND e.status IN ('pending', 'delivering'))`;

/** Enqueues delivery attempts through the job library, in the caller's transaction when there is one. */
@Injectable()
export class DeliveryJobs {
  constructor(private readonly jobs: JobQueue) {}

  enqueue(manager: EntityManager | null, deliveries: { id: string; webhookId: string; at?: Date }[]): Promise<void> {
    return this.jobs.sendMany(
      manager,
      'webhook-deliver',
      deliveries.map((delivery) => ({ data: { deliveryId: delivery.id, webhookId: delivery.webhookId } satisfies DeliverJob, startAfter: delivery.at })),
    );
  }

  /** Wakes this process's delivery workers for jobs just committed. */
  wake(): void {
    this.jobs.wake('webhook-deliver');
  }

  /** After a delivery is done with (sent or given up), the next event of its article may go; true when there is one. */
  async enqueueNext(manager: EntityManager, delivery: { webhookId: string; articleId: string | null; eventId: string | null }): Promise<boolean> {
    if (!delivery.articleId || !delivery.eventId) return false;
    const next: { id: string; next_attempt_at: Date }[] = await manager.query(
      `SELECT id, next_attempt_at FROM webhook_delivery
        WHERE webhook_id = $1 AND article_id = $2 AND event_id > $3 AND status = 'pending'
        ORDER BY event_id LIMIT 1`,
      [delivery.webhookId, delivery.articleId, delivery.eventId],
    );
    if (!next.length) return false;
    await this.enqueue(manager, [{ id: next[0].id, webhookId: delivery.webhookId, at: next[0].next_attempt_at }]);
    return true;
  }

  /** A webhook switched back on: each article's oldest waiting delivery goes (the rest follow in order). */
  async resumePending(manager: EntityManager, webhookId: string): Promise<void> {
    const heads: { id: string }[] = await manager.query(
      `SELECT d.id FROM webhook_delivery d WHERE d.webhook_id = $1 AND d.status = 'pending' AND ${STREAM_HEAD_SQL}`,
      [webhookId],
    );
    await this.enqueue(
      manager,
      heads.map((head) => ({ id: head.id, webhookId })),
    );
  }
}
