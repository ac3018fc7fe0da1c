import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '@kalam/core';
import { secretKey, sign } from '../signing/webhook-secret';
import { webhooksConfig, type WebhooksConfig } from '../webhooks.config';
import { DeliveryJobs, STREAM_HEAD_SQL } from './delivery-jobs';
import { sendOnce, type SendResult } from './http-sender';
import { judge, type Verdict } from './retry-policy';

/** A delivery a worker holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  eventId: string | null;
  articleId: string | null;
  messageId: string;
  body: string;
  /** This attempt's number; also the lease's token (a later claim bumps it). */
  attempts: number;
  retryUntil: Date;
  url: string;
  secret: string;
  headers: Record<string, string>;
}

const CLAIMED_COLUMNS = `d.id, d.webhook_id AS "webhookId", d.event_id AS "eventId", d.article_id AS "articleId", d.message_id AS "messageId",
  d.body, d.attempts, d.retry_until AS "retryUntil", w.url, w.secret, w.headers`;

/**
 * Sending one delivery: claim it (a lease, so no other worker sends it at the same moment, and it
 * comes back if this one dies), send it signed, record the answer and what comes next, in one
 * transaction that only applies if the lease is still ours.
 */
@Injectable()
export class DeliveryAttempts {
  private readonly logger = new Logger(DeliveryAttempts.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    private readonly deliveryJobs: DeliveryJobs,
  ) {}

  /** How long a claim lasts: the attempt's deadline and a margin for recording it. */
  get leaseMs(): number {
    return this.config.timeoutMs + 2_000;
  }

  /**
   * Takes the delivery if it is due, its webhook active, and no earlier event of the same article
   * is still on its way to that webhook (per-article order). Null otherwise: another worker has it,
   * it is done, or it waits its turn (whoever finishes the earlier one enqueues it).
   */
  async claim(deliveryId: string): Promise<ClaimedDelivery | null> {
    // pg answers UPDATE … RETURNING as [rows, count].
    const [rows]: [ClaimedDelivery[], number] = await this.dataSource.query(
      `UPDATE webhook_delivery d
          SET status = 'delivering', attempts = d.attempts + 1, last_attempt_at = now(), lease_until = now() + $2 * interval '1 millisecond'
         FROM webhook w
        WHERE d.id = $1 AND w.id = d.webhook_id AND w.active AND d.status = 'pending' AND d.next_attempt_at <= now() AND ${STREAM_HEAD_SQL}
        RETURNING ${CLAIMED_COLUMNS}`,
      [deliveryId, this.leaseMs],
    );
    return rows[0] ?? null;
  }

  /** Sends a claimed delivery and records how it went. */
  async run(claimed: ClaimedDelivery): Promise<SendResult> {
    const result = await this.send(claimed);
    await this.record(claimed, result, judge(result, claimed.attempts, this.config));
    return result;
  }

  send(claimed: Pick<ClaimedDelivery, 'url' | 'secret' | 'headers' | 'messageId' | 'body'>): Promise<SendResult> {
    const timestamp = Math.floor(Date.now() / 1000);
    const key = secretKey(claimed.secret);
    const signature = key ? sign(key, claimed.messageId, timestamp, claimed.body) : '';
    const headers = { ...claimed.headers, 'webhook-id': claimed.messageId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    return sendOnce(new URL(claimed.url), headers, claimed.body, { timeoutMs: this.config.timeoutMs, allowPrivate: this.config.allowPrivate });
  }

  /** The answer, and what follows from it, if the lease is still ours (attempt number unchanged). */
  async record(claimed: ClaimedDelivery, result: SendResult, verdict: Verdict, options = { health: true }): Promise<void> {
    const nextAt = verdict.kind === 'retry' ? new Date(Date.now() + verdict.delayMs) : null;
    // Written so that a next attempt with no valid time (NaN) gives up rather than failing to record.
    const givenUp = nextAt !== null && !(nextAt.getTime() <= claimed.retryUntil.getTime());
    const status = verdict.kind === 'delivered' ? 'succeeded' : verdict.kind === 'retry' && !givenUp ? 'pending' : 'failed';
    const error = verdict.kind === 'delivered' ? null : (result.error ?? (result.status !== undefined ? `HTTP ${result.status}` : null));
    let woke = false;
    await this.dataSource.transaction(async (manager) => {
      const [updated]: [{ id: string }[], number] = await manager.query(
        `UPDATE webhook_delivery
            SET status = $3::webhook_delivery_status, lease_until = NULL, next_attempt_at = COALESCE($4, next_attempt_at), response_status = $5, response_body = $6,
                duration_ms = $7, last_error = $8, finished_at = CASE WHEN $3::text = 'pending' THEN NULL ELSE now() END
          WHERE id = $1 AND status = 'delivering' AND attempts = $2
          RETURNING id`,
        [
          claimed.id,
          claimed.attempts,
          status,
          status === 'pending' ? nextAt : null,
          result.status ?? null,
          result.responseBody ?? null,
          result.durationMs,
          error && (givenUp ? `gave up after ${claimed.attempts} attempts: ${error}` : error).slice(0, 500),
        ],
      );
      // Our lease ran out and someone else took the delivery: their record counts, not ours.
      if (!updated.length) return;
      if (status === 'pending') await this.deliveryJobs.enqueue(manager, [{ id: claimed.id, webhookId: claimed.webhookId, at: nextAt! }]);
      else woke = await this.deliveryJobs.enqueueNext(manager, claimed);
      // A ping tests the receiver; it neither starts nor ends a failing streak.
      if (options.health) await this.noteHealth(manager, claimed.webhookId, status === 'succeeded');
    });
    // The article's next event is committed and due: start it now rather than at the next poll.
    if (woke) this.deliveryJobs.wake();
  }

  /** A success clears the webhook's failing streak; a failure starts it, and a streak long enough switches the webhook off. */
  private async noteHealth(manager: EntityManager, webhookId: string, succeeded: boolean): Promise<void> {
    if (succeeded) {
      await manager.query(`UPDATE webhook SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [webhookId]);
      return;
    }
    const [[streak]]: [{ since: Date; long: boolean }[], number] = await manager.query(
      `UPDATE webhook SET failing_since = COALESCE(failing_since, now()) WHERE id = $1
        RETURNING failing_since AS since, active AND failing_since <= now() - $2 * interval '1 millisecond' AS long`,
      [webhookId, this.config.disableAfterMs],
    );
    if (!streak?.long) return;
    const [, switchedOff]: [unknown, number] = await manager.query(
      `UPDATE webhook SET active = false, disabled_at = now(), disabled_reason = $2, version = version + 1 WHERE id = $1 AND active`,
      [webhookId, 'every_attempt_failed'],
    );
    if (switchedOff) {
      this.logger.warn(`webhook ${webhookId} switched off: every attempt failed since ${streak.since.toISOString()}`);
      await recordAudit(manager, {
        actorId: null,
        action: 'webhook.disabled',
        subjectType: 'webhook',
        subjectId: webhookId,
        details: { failingSince: streak.since.toISOString(), disableAfterSeconds: Math.round(this.config.disableAfterMs / 1000) },
      });
    }
  }
}
