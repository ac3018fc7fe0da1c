import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';

/** Queues created by migrations (see migrations/*-CreateJobQueue.ts). */
export type QueueName = 'translation-schedule' | 'documents-render' | 'webhook-deliver';

interface Executor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** pg-boss over a TypeORM connection: the app's pool, or the caller's transaction. */
function executor(run: (text: string, values?: unknown[]) => Promise<{ records?: unknown[] }>): Executor {
  return { executeSql: async (text, values) => ({ rows: (await run(text, values)).records ?? [] }) };
}

/**
 * Background jobs kept in PostgreSQL by pg-boss: no second datastore, and several workers share
 * the work safely (a job is fetched by one worker, with SKIP LOCKED). It runs on the app's own
 * connection pool; `send` takes the caller's transaction, so a job exists if and only if the
 * change that asked for it committed.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly boss: PgBoss;
  private started = false;
  private readonly workers = new Map<QueueName, string[]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.boss = new PgBoss({
      // One query on one pooled connection, released afterwards: pg-boss opens no pool of its own.
      db: executor(async (text, values) => {
        const runner = dataSource.createQueryRunner();
        try {
          return await runner.query(text, values, true);
        } finally {
          await runner.release();
        }
      }),
      // The schema comes from our migrations; cron schedules are not used. Supervision (run only by
      // processes that work jobs, see `work`) returns jobs of a worker that died mid-job to the queue.
      migrate: false,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: 30,
    });
    this.boss.on('error', (error) => this.logger.error(error instanceof Error ? error.message : String(error)));
  }

  /** Enqueues a job in the caller's transaction, to run at `startAfter` (or now). */
  async send(manager: EntityManager, queue: QueueName, data: object, startAfter?: Date): Promise<string | null> {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('JobQueue.send needs a transaction manager');
    const db = executor((text, values) => runner.query(text, values, true));
    return this.boss.send(queue, data, { startAfter, db });
  }

  /** Enqueues many jobs in one statement, in the caller's transaction (or on the pool when none is given). */
  async sendMany(manager: EntityManager | null, queue: QueueName, jobs: { data: object; startAfter?: Date }[]): Promise<void> {
    if (!jobs.length) return;
    const runner = manager?.queryRunner;
    const db = runner ? executor((text, values) => runner.query(text, values, true)) : undefined;
    await this.boss.insert(
      jobs.map((job) => ({ name: queue, data: job.data, startAfter: job.startAfter })),
      db ? { db } : {},
    );
  }

  /**
   * Runs `handler` for each job of `queue`, fetching up to `batchSize` at a time and polling every
   * `pollingSeconds` when the queue is empty. A handler that throws has its job (its whole batch)
   * retried later by the queue's retry policy; one that returns completes it.
   */
  async work<T extends object>(queue: QueueName, handler: (data: T) => Promise<void>, pollingSeconds = 1, batchSize = 1): Promise<void> {
    if (!this.started) {
      await this.boss.start();
      this.started = true;
    }
    let id = '';
    id = await this.boss.work<T>(queue, { pollingIntervalSeconds: pollingSeconds, batchSize }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
      // pg-boss waits out the polling interval after every fetch; a full batch means more are waiting: fetch again now.
      if (jobs.length === batchSize) this.boss.notifyWorker(id);
    });
    this.workers.set(queue, [...(this.workers.get(queue) ?? []), id]);
  }

  /** Wakes this process's workers of `queue` (jobs were just committed), instead of waiting for their next poll. */
  wake(queue: QueueName): void {
    for (const id of this.workers.get(queue) ?? []) this.boss.notifyWorker(id);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }
}
