import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

// One statement per hit: start a new window when the old one ended (and no block is running),
// otherwise count the hit; block for `blockDuration` once the count passes the limit.
const HIT = `
  INSERT INTO rate_limit AS r (key, hits, window_ends_at, blocked_until)
  VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000), NULL)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_ends_at <= now() AND (r.blocked_until IS NULL OR r.blocked_until <= now()) THEN 1 ELSE r.hits + 1 END,
    window_ends_at = CASE WHEN r.window_ends_at <= now() AND (r.blocked_until IS NULL OR r.blocked_until <= now())
                          THEN now() + make_interval(secs => $2::float8 / 1000) ELSE r.window_ends_at END,
    blocked_until = CASE
      WHEN r.blocked_until > now() THEN r.blocked_until
      WHEN r.window_ends_at > now() AND r.hits + 1 > $3 THEN now() + make_interval(secs => $4::float8 / 1000)
      ELSE NULL END
  RETURNING hits,
            GREATEST(0, CEIL(EXTRACT(EPOCH FROM (window_ends_at - now()))))::int AS window_seconds,
            GREATEST(0, CEIL(EXTRACT(EPOCH FROM (blocked_until - now()))))::int AS block_seconds`;

/**
 * @nestjs/throttler storage in PostgreSQL: limits survive restarts and hold across several admin
 * copies (the in-memory default counts per process). Login is the only throttled route, so one
 * small upsert per attempt costs nothing that matters.
 */
@Injectable()
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [row]: { hits: number; window_seconds: number; block_seconds: number }[] = await this.dataSource.query(HIT, [
      `${throttlerName}:${key}`.slice(0, 200),
      ttl,
      limit,
      blockDuration,
    ]);
    const isBlocked = row.block_seconds > 0;
    return { totalHits: row.hits, timeToExpire: row.window_seconds, isBlocked, timeToBlockExpire: row.block_seconds };
  }

  /** Forgets counters whose window and block ended; run by the worker. */
  async purge(): Promise<number> {
    const [, removed]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM rate_limit WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`,
    );
    return Number(removed) || 0;
  }
}
