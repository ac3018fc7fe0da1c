import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobQueue } from '@kalam/database';
import { webhooksConfig, type WebhooksConfig } from '../webhooks.config';
import { DeliveryAttempts } from './delivery-attempts';
import { DeliveryJobs, STREAM_HEAD_SQL, type DeliverJob } from './delivery-jobs';
import { OutboxDispatcher } from './outbox-dispatcher';

// A due delivery nobody has tried for this long lost its job (a crash between commit and enqueue cannot
// happen, they share a transaction; but a job can exhaust pg-boss's own retries): enqueue it again.
const STRANDED_AFTER_MS = 60_000;
const BUSY_RETRY_MS = 1_000;

/**
 * The worker's side of webhooks: dispatches outbox events into deliveries, works the delivery jobs,
 * and sweeps up deliveries whose worker died mid-attempt (their lease ran out).
 *
 * A job's handler only claims the delivery and starts the attempt; it does not wait for the
 * receiver, so a slow receiver holds a socket, not the queue. Attempts in flight are capped per
 * process and per webhook: one receiver taking ten seconds to answer never delays the others.
 */
@Injectable()
export class WebhookWorker implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhookWorker.name);
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly perWebhook = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  private dispatching = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    private readonly jobs: JobQueue,
    private readonly deliveryJobs: DeliveryJobs,
    private readonly attempts: DeliveryAttempts,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  async start(): Promise<void> {
    await this.jobs.work<DeliverJob>('webhook-deliver', (job) => this.onJob(job), 0.5, 50);
    this.every(this.config.pollMs, () => this.dispatch());
    // Often enough that a cut-off attempt is retried soon after its lease ends.
    this.every(Math.min(5_000, this.attempts.leaseMs / 2), () => this.sweep());
    await this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    // Attempts under way finish (each within the timeout) so they are recorded, not left to the sweep.
    await Promise.allSettled([...this.inFlight]);
  }

  private every(ms: number, task: () => Promise<unknown>): void {
    const timer = setInterval(() => {
      if (!this.stopped) task().catch((error: Error) => this.logger.error(`${task.name || 'webhook task'} failed: ${error.message}`));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async dispatch(): Promise<void> {
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      if (await this.dispatcher.dispatchAll()) this.jobs.wake('webhook-deliver');
    } finally {
      this.dispatching = false;
    }
  }

  private async onJob(job: DeliverJob): Promise<void> {
    while (this.inFlight.size >= this.config.maxInFlight) await Promise.race(this.inFlight);
    if ((this.perWebhook.get(job.webhookId) ?? 0) >= this.config.maxInFlightPerWebhook) {
      // This receiver already has its share of attempts under way here: ask again in a moment.
      await this.deliveryJobs.enqueue(null, [{ id: job.deliveryId, webhookId: job.webhookId, at: new Date(Date.now() + BUSY_RETRY_MS) }]);
      return;
    }
    const claimed = await this.attempts.claim(job.deliveryId);
    if (!claimed) return;
    this.perWebhook.set(claimed.webhookId, (this.perWebhook.get(claimed.webhookId) ?? 0) + 1);
    const attempt = this.attempts
      .run(claimed)
      .catch((error: Error) => this.logger.error(`delivery ${claimed.id} could not be recorded (its lease will run out and it is retried): ${error.message}`))
      .finally(() => {
        this.inFlight.delete(attempt);
        const left = (this.perWebhook.get(claimed.webhookId) ?? 1) - 1;
        if (left) this.perWebhook.set(claimed.webhookId, left);
        else this.perWebhook.delete(claimed.webhookId);
      });
    this.inFlight.add(attempt);
  }

  /** Deliveries whose lease ran out (their worker died or hung) go back to pending; stranded due ones are enqueued again. */
  private async sweep(): Promise<void> {
    // A cut-off attempt counts as one: it backs off like a failed one and is given up once its
    // retry window has passed, so nothing (a receiver whose answer cannot be recorded, a worker
    // that dies on one delivery) makes the same delivery go out for ever.
    const [expired]: [{ id: string; webhook_id: string; article_id: string | null; event_id: string | null; status: string; next_attempt_at: Date }[], number] =
      await this.dataSource.query(
        `UPDATE webhook_delivery d
            SET status = (CASE WHEN d.retry_until < now() THEN 'failed' ELSE 'pending' END)::webhook_delivery_status,
                finished_at = CASE WHEN d.retry_until < now() THEN now() END,
                lease_until = NULL,
                next_attempt_at = now() + LEAST($2, $1 * power(2, LEAST(d.attempts, 31) - 1)) * interval '1 millisecond',
                last_error = CASE WHEN d.retry_until < now() THEN 'gave up: the last attempt was cut off (its worker stopped, or could not record the answer)'
                                  ELSE 'the attempt was cut off (its worker stopped, or could not record the answer); sent again' END
           FROM (SELECT id FROM webhook_delivery WHERE status = 'delivering' AND lease_until < now() FOR UPDATE SKIP LOCKED LIMIT 1000) gone
          WHERE d.id = gone.id
          RETURNING d.id, d.webhook_id, d.article_id, d.event_id, d.status, d.next_attempt_at`,
        [this.config.retryBaseMs, this.config.retryMaxMs],
      );
    const [stranded]: [{ id: string; webhook_id: string }[], number] = await this.dataSource.query(
      `UPDATE webhook_delivery d SET next_attempt_at = now()
         FROM (SELECT d.id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id AND w.active
                WHERE d.status = 'pending' AND d.next_attempt_at < now() - $1 * interval '1 millisecond' AND ${STREAM_HEAD_SQL}
                FOR UPDATE OF d SKIP LOCKED LIMIT 1000) late
        WHERE d.id = late.id
        RETURNING d.id, d.webhook_id`,
      [STRANDED_AFTER_MS],
    );
    if (expired.length) this.logger.warn(`${expired.length} webhook deliveries were cut off mid-attempt; retrying or giving them up`);
    const retried = expired.filter((row) => row.status === 'pending');
    await this.deliveryJobs.enqueue(null, [
      ...retried.map((row) => ({ id: row.id, webhookId: row.webhook_id, at: row.next_attempt_at })),
      ...stranded.map((row) => ({ id: row.id, webhookId: row.webhook_id })),
    ]);
    // A given-up delivery lets its article's next event go.
    for (const row of expired.filter((gone) => gone.status === 'failed')) {
      await this.deliveryJobs.enqueueNext(this.dataSource.manager, { webhookId: row.webhook_id, articleId: row.article_id, eventId: row.event_id });
    }
  }
}
