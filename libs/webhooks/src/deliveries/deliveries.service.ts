import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@kalam/auth';
import { pageWindow } from '@kalam/content';
import { isForeignKeyViolation, KalamError, recordAudit } from '@kalam/core';
import { pingBody } from '../events/event-body';
import { PING_EVENT } from '../events/webhook-events';
import { WebhookEntity } from '../webhooks/webhook.entity';
import { WebhooksService } from '../webhooks/webhooks.service';
import { webhooksConfig, type WebhooksConfig } from '../webhooks.config';
import { DeliveryAttempts } from './delivery-attempts';
import { DeliveryJobs } from './delivery-jobs';
import type { DeliveryQueryDto } from './dto/delivery-query.dto';
import { judge } from './retry-policy';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** The delivery log of a webhook, and what an admin does with it: look, send again, ping. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    private readonly attempts: DeliveryAttempts,
    private readonly deliveryJobs: DeliveryJobs,
    private readonly webhooks: WebhooksService,
  ) {}

  async list(webhookId: string, query: DeliveryQueryDto): Promise<{ items: WebhookDeliveryEntity[]; page: number; limit: number; total: number }> {
    await this.webhook(webhookId);
    const { page, limit, offset } = pageWindow(query);
    const [items, total] = await this.dataSource.getRepository(WebhookDeliveryEntity).findAndCount({
      where: { webhookId, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items, page, limit, total };
  }

  async get(webhookId: string, deliveryId: string): Promise<WebhookDeliveryEntity> {
    const delivery = await this.dataSource.getRepository(WebhookDeliveryEntity).findOneBy({ id: deliveryId, webhookId });
    if (!delivery) throw KalamError.notFound('webhook.delivery_not_found', { id: deliveryId });
    return delivery;
  }

  /** Sends one finished delivery again (same id and body), with a fresh retry window. */
  async redeliver(webhookId: string, deliveryId: string, actor: Actor): Promise<WebhookDeliveryEntity> {
    return this.dataSource.transaction(async (manager) => {
      const requeued = await this.requeue(manager, webhookId, `id = $2 AND status IN ('succeeded', 'failed')`, deliveryId, actor, { deliveryId });
      if (!requeued) {
        const current = await manager.findOneBy(WebhookDeliveryEntity, { id: deliveryId, webhookId });
        if (!current) throw KalamError.notFound('webhook.delivery_not_found', { id: deliveryId });
        throw KalamError.conflict('webhook.delivery_in_progress', { id: deliveryId, status: current.status });
      }
      return manager.findOneByOrFail(WebhookDeliveryEntity, { id: deliveryId });
    });
  }

  /** Sends again every delivery that failed since a time, each article's in their original order. */
  redeliverFailedSince(webhookId: string, since: Date, actor: Actor): Promise<number> {
    return this.dataSource.transaction((manager) =>
      this.requeue(manager, webhookId, `status = 'failed' AND created_at >= $2`, since, actor, { since: since.toISOString() }),
    );
  }

  /** Puts the webhook's deliveries matching `where` back to pending, due now, enqueues them and audits it; returns how many. */
  private async requeue(
    manager: EntityManager,
    webhookId: string,
    where: string,
    value: unknown,
    actor: Actor,
    details: Record<string, unknown>,
  ): Promise<number> {
    await this.webhook(webhookId, true, manager);
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now(), retry_until = now() + $3 * interval '1 millisecond', finished_at = NULL
        WHERE webhook_id = $1 AND ${where} RETURNING id`,
      [webhookId, value, this.config.giveUpAfterMs],
    );
    if (!rows.length) return 0;
    await this.deliveryJobs.enqueue(
      manager,
      rows.map((row) => ({ id: row.id, webhookId })),
    );
    await recordAudit(manager, {
      actorId: actor.id,
      ip: actor.ip,
      action: 'webhook.redelivered',
      subjectType: 'webhook',
      subjectId: webhookId,
      details: { ...details, count: rows.length },
    });
    return rows.length;
  }

  /**
   * Sends a `webhook.ping` now and answers with how it went: one attempt, no retries, logged with the
   * rest. Works on a switched-off webhook too, so a fixed receiver can be checked before switching it on.
   */
  async ping(webhookId: string): Promise<WebhookDeliveryEntity> {
    const webhook = await this.dataSource
      .getRepository(WebhookEntity)
      .findOne({ where: { id: webhookId }, select: { id: true, url: true, secret: true, headers: true } });
    if (!webhook) throw KalamError.notFound('webhook.not_found', { id: webhookId });
    const messageId = `ping_${randomUUID()}`;
    const body = JSON.stringify(pingBody(messageId, webhookId));
    // Deleted since it was read: the foreign key refuses the row, and that is a 404 like any other.
    const { identifiers } = await this.dataSource.manager
      .insert(WebhookDeliveryEntity, {
        webhookId,
        messageId,
        type: PING_EVENT,
        body,
        status: 'delivering',
        attempts: 1,
        lastAttemptAt: new Date(),
        leaseUntil: new Date(Date.now() + this.attempts.leaseMs),
        retryUntil: new Date(),
      })
      .catch((error: unknown) => {
        throw isForeignKeyViolation(error) ? KalamError.notFound('webhook.not_found', { id: webhookId }) : error;
      });
    const id = identifiers[0].id as string;
    const claimed = {
      id,
      webhookId,
      eventId: null,
      articleId: null,
      messageId,
      body,
      attempts: 1,
      retryUntil: new Date(0),
      url: webhook.url,
      secret: webhook.secret,
      headers: webhook.headers,
    };
    const result = await this.attempts.send(claimed);
    const verdict = judge(result, 1, this.config);
    await this.attempts.record(claimed, result, verdict.kind === 'delivered' ? verdict : { kind: 'final' }, { health: false });
    // The webhook (and its log with it) may have been deleted while the ping was under way.
    const delivery = await this.dataSource.getRepository(WebhookDeliveryEntity).findOneBy({ id });
    if (!delivery) throw KalamError.notFound('webhook.not_found', { id: webhookId });
    return delivery;
  }

  private async webhook(id: string, mustBeActive = false, manager?: EntityManager): Promise<WebhookEntity> {
    // In a transaction, a shared lock: a switch-off or delete waits for the requeue to commit, and the other way round.
    const webhook = await this.webhooks.get(id, manager, manager ? 'pessimistic_read' : undefined);
    if (mustBeActive && !webhook.active) throw KalamError.conflict('webhook.inactive', { id });
    return webhook;
  }
}
