import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { PostgresThrottlerStorage, TokensService } from '@kalam/auth';

const HOUR = 3600 * 1000;

/** Deletes expired and long-revoked tokens, and spent rate-limit counters. Safe to run on several workers. */
@Injectable()
export class TokenCleanupJob {
  private readonly logger = new Logger(TokenCleanupJob.name);

  constructor(
    private readonly tokens: TokensService,
    private readonly rateLimits: PostgresThrottlerStorage,
  ) {}

  @Interval(HOUR)
  async run(): Promise<number> {
    const removed = await this.tokens.purgeExpired();
    const counters = await this.rateLimits.purge();
    if (removed || counters) this.logger.log(`removed ${removed} expired or revoked tokens and ${counters} spent rate-limit counters`);
    return removed + counters;
  }
}
