import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { DOCUMENTS_CHANNEL, LocaleDirectory } from '@kalam/delivery';
import { ResponseCache } from './response-cache';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;
// A connection can die without an error reaching us (a cable, a NAT timeout): a ping finds out.
const PING_MS = 10_000;

/**
 * Keeps this process's cache coherent with every other: publishing NOTIFYs in its transaction,
 * and this LISTENs on a connection of its own. If that connection drops, the cache is emptied and
 * switched off until it is back, then starts empty, so a missed notification cannot leave a stale
 * answer behind.
 */
@Injectable()
export class CacheInvalidation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CacheInvalidation.name);
  private client: Client | null = null;
  private retryMs = RETRY_MIN_MS;
  private ping: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: ResponseCache,
    private readonly locales: LocaleDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.ping) clearInterval(this.ping);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'kalam-delivery-cache' });
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.cache.suspend();
      if (this.ping) clearInterval(this.ping);
      client.end().catch(() => undefined);
      if (!this.stopped) {
        this.logger.warn(`cache invalidation link lost (${reason}); cache off, reconnecting in ${this.retryMs} ms`);
        setTimeout(() => void this.connect(), this.retryMs).unref();
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      }
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection closed'));
    client.on('notification', (message) => {
      if (message.channel !== DOCUMENTS_CHANNEL) return;
      const locales = (message.payload ?? '*').split(',');
      // '*' is sent for locale changes too: re-read the registry now, not when its copy expires.
      if (locales.includes('*')) this.locales.forget();
      this.cache.invalidate(locales);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${DOCUMENTS_CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
      return;
    }
    this.retryMs = RETRY_MIN_MS;
    this.cache.resume();
    this.ping = setInterval(() => void client.query('SELECT 1').catch((error: Error) => lost(error.message)), PING_MS);
    this.ping.unref();
  }
}
