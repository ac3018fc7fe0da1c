import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { TokensService } from '@kalam/auth';

const HOUR = 3600 * 1000;

/** Deletes expired and long-revoked tokens so the token table stays small. Safe to run on several workers. */
@Injectable()
export class TokenCleanupJob {
  private readonly logger = new Logger(TokenCleanupJob.name);

  constructor(private readonly tokens: TokensService) {}

  @Interval(HOUR)
  async run(): Promise<number> {
    const removed = await this.tokens.purgeExpired();
    if (removed) this.logger.log(`removed ${removed} expired or revoked tokens`);
    return removed;
  }
}
