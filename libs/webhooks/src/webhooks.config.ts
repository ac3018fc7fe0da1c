import { registerAs } from '@nestjs/config';
import { envBool, envInt } from '@kalam/core';

export interface WebhooksConfig {
  /** Loopback and private addresses are refused as targets unless this is set (tests, local set-ups). */
  allowPrivate: boolean;
  /** How long one attempt may take, connection to last byte. */
  timeoutMs: number;
  /** First retry delay; each later one doubles, up to `retryMaxMs`, with jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A delivery still failing this long after it was first due is given up (final failure). */
  giveUpAfterMs: number;
  /** A webhook whose every attempt failed for this long is switched off, and the audit log says so. */
  disableAfterMs: number;
  /** How often a worker looks for new outbox events and for deliveries whose worker died. */
  pollMs: number;
  /** Attempts one worker process runs at the same time, and at most per webhook (a slow receiver cannot take them all). */
  maxInFlight: number;
  maxInFlightPerWebhook: number;
}

export function readWebhooksConfig(env: Record<string, string | undefined> = process.env): WebhooksConfig {
  const day = 24 * 3600;
  return {
    allowPrivate: envBool(env, 'WEBHOOK_ALLOW_PRIVATE', false)!,
    timeoutMs: envInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    retryBaseMs: envInt(env, 'WEBHOOK_RETRY_BASE_MS', 5_000, 10, 3_600_000),
    retryMaxMs: envInt(env, 'WEBHOOK_RETRY_MAX_MS', 3_600_000, 10, day * 1000),
    giveUpAfterMs: envInt(env, 'WEBHOOK_GIVE_UP_AFTER', day, 1, 30 * day) * 1000,
    disableAfterMs: envInt(env, 'WEBHOOK_DISABLE_AFTER', day, 1, 30 * day) * 1000,
    pollMs: envInt(env, 'WEBHOOK_POLL_MS', 250, 20, 60_000),
    maxInFlight: envInt(env, 'WEBHOOK_MAX_IN_FLIGHT', 64, 1, 10_000),
    maxInFlightPerWebhook: envInt(env, 'WEBHOOK_MAX_IN_FLIGHT_PER_WEBHOOK', 8, 1, 10_000),
  };
}

export const webhooksConfig = registerAs('webhooks', () => readWebhooksConfig());
