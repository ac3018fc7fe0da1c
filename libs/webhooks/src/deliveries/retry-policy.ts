/** What one attempt came to, as the retry policy needs it. */
export interface AttemptOutcome {
  /** The receiver's status, when it answered. */
  status?: number;
  /** Why there was no answer: it took too long, the connection failed, or the target is not allowed. */
  failure?: 'timeout' | 'connection' | 'not_allowed';
  /** The receiver's Retry-After header, as sent. */
  retryAfter?: string;
}

export type Verdict = { kind: 'delivered' } | { kind: 'retry'; delayMs: number } | { kind: 'final' };

export interface RetrySchedule {
  retryBaseMs: number;
  retryMaxMs: number;
}

const RETRYABLE_4XX = new Set([408, 425, 429]);
/** Longer than any retry window (at most 30 days), short enough that now + it is a valid date. */
const MAX_RETRY_AFTER_MS = 365 * 24 * 3600 * 1000;

/** Seconds or an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // Capped: a delay past any retry window means "give up" anyway, and a bigger one is no valid date.
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  // An IMF date names its day and month; a bare number such as "-5" is not one (Date.parse would read a year).
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/**
 * Exponential backoff with jitter: the n-th retry waits base·2^(n-1), capped, then a random point in
 * its upper half, so receivers coming back after an outage are not hit by every sender at once.
 */
export function backoffMs(attempt: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const ceiling = Math.min(schedule.retryMaxMs, schedule.retryBaseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * 2xx delivers. Timeouts, connection failures, 408, 425, 429 and 5xx are worth another try (429
 * and 503 after the receiver's Retry-After when it gives one); any other answer (a 4xx, a 3xx we do
 * not follow) is final: sending the same thing again would be answered the same way.
 */
export function judge(outcome: AttemptOutcome, attempt: number, schedule: RetrySchedule, now = Date.now(), random?: () => number): Verdict {
  const { status, failure } = outcome;
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
  if (failure === 'not_allowed') return { kind: 'final' };
  const retryable = failure !== undefined || (status !== undefined && (status >= 500 || RETRYABLE_4XX.has(status)));
  if (!retryable) return { kind: 'final' };
  const asked = status === 429 || status === 503 ? parseRetryAfter(outcome.retryAfter, now) : undefined;
  return { kind: 'retry', delayMs: asked ?? backoffMs(attempt, schedule, random) };
}
