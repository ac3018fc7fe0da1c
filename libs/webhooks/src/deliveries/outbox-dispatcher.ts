import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { articleUrl, deliveryConfig, type DeliveryConfig } from '@kalam/delivery';
import { hasUndispatched, takeUndispatched, type DispatchedEvent } from '@kalam/workflow';
import { eventBody, eventMessageId } from '../events/event-body';
import { webhooksConfig, type WebhooksConfig } from '../webhooks.config';
import { DeliveryJobs } from './delivery-jobs';

const BATCH = 500;
// Any constant: the key of the transaction-scoped advisory lock only one dispatcher holds at a time.
const DISPATCH_LOCK = 8_164_300;

interface Subscriber {
  id: string;
  events: string[];
  locales: string[];
  created_at: Date;
}

const wants = (webhook: Subscriber, event: DispatchedEvent) =>
  webhook.created_at <= event.createdAt &&
  (webhook.events.length === 0 || webhook.events.includes(event.type)) &&
  (webhook.locales.length === 0 || event.locale === null || webhook.locales.includes(event.locale));

/**
 * Turns outbox events into deliveries, one per webhook that wants each, in the transaction that
 * marks the events dispatched, and enqueues their first attempts in it too: a crash anywhere leaves
 * either all of it or none. One dispatcher at a time (an advisory lock; other workers skip), so
 * an article's deliveries are created in the order of its events.
 */
@Injectable()
export class OutboxDispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    @Inject(deliveryConfig.KEY) private readonly delivery: DeliveryConfig,
    private readonly deliveryJobs: DeliveryJobs,
  ) {}

  /** Dispatches everything waiting; returns how many events it took (0 when another worker is at it). */
  async dispatchAll(): Promise<number> {
    // Polled several times a second by every worker: when nothing waits, one statement and no transaction.
    if (!(await hasUndispatched(this.dataSource.manager))) return 0;
    let total = 0;
    for (;;) {
      const taken = await this.dataSource.transaction((manager) => this.dispatchBatch(manager));
      total += taken;
      if (taken < BATCH) return total;
    }
  }

  private async dispatchBatch(manager: EntityManager): Promise<number> {
    const [{ locked }]: { locked: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [DISPATCH_LOCK]);
    if (!locked) return 0;
    const events = await takeUndispatched(manager, BATCH);
    if (!events.length) return 0;
    const webhooks: Subscriber[] = await manager.query(`SELECT id, events, locales, created_at FROM webhook WHERE active`);
    const rows = events.flatMap((event) => {
      const matching = webhooks.filter((webhook) => wants(webhook, event));
      if (!matching.length) return [];
      const body = JSON.stringify(eventBody(event, (locale, slug) => articleUrl(this.delivery, locale, slug)));
      return matching.map((webhook) => ({ webhookId: webhook.id, event, body }));
    });
    if (!rows.length) return events.length;
    const created: { id: string; webhook_id: string }[] = await manager.query(
      `INSERT INTO webhook_delivery (webhook_id, event_id, message_id, type, article_id, locale, body, retry_until)
       SELECT * , now() + $8 * interval '1 millisecond'
         FROM unnest($1::uuid[], $2::bigint[], $3::varchar[], $4::varchar[], $5::uuid[], $6::varchar[], $7::text[])
       ON CONFLICT (webhook_id, event_id) DO NOTHING
       RETURNING id, webhook_id`,
      [
        rows.map((row) => row.webhookId),
        rows.map((row) => row.event.id),
        rows.map((row) => eventMessageId(row.event.id)),
        rows.map((row) => row.event.type),
        rows.map((row) => row.event.articleId),
        rows.map((row) => row.event.locale),
        rows.map((row) => row.body),
        this.config.giveUpAfterMs,
      ],
    );
    await this.deliveryJobs.enqueue(
      manager,
      created.map((row) => ({ id: row.id, webhookId: row.webhook_id })),
    );
    return events.length;
  }
}
