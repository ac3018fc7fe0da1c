import { backoffMs, judge, parseRetryAfter } from './retry-policy';

const schedule = { retryBaseMs: 1000, retryMaxMs: 60_000 };
const now = Date.parse('2026-11-25T10:00:00Z');

describe('webhook retry policy', () => {
  it('delivers on any 2xx', () => {
    for (const status of [200, 201, 202, 204, 299]) expect(judge({ status }, 1, schedule, now)).toEqual({ kind: 'delivered' });
  });

  it('retries timeouts, connection failures, 408, 425, 429 and 5xx', () => {
    for (const outcome of [
      { failure: 'timeout' as const },
      { failure: 'connection' as const },
      { status: 408 },
      { status: 425 },
      { status: 429 },
      { status: 500 },
      { status: 503 },
      { status: 599 },
    ]) {
      expect(judge(outcome, 1, schedule, now).kind).toBe('retry');
    }
  });

  it('gives up at once on other 4xx, on redirects and on a target that is not allowed', () => {
    for (const outcome of [
      { status: 400 },
      { status: 401 },
      { status: 404 },
      { status: 410 },
      { status: 301 },
      { status: 302 },
      { status: 100 },
      { failure: 'not_allowed' as const },
    ]) {
      expect(judge(outcome, 1, schedule, now)).toEqual({ kind: 'final' });
    }
  });

  it('waits what Retry-After asks on 429 and 503, in seconds or as a date', () => {
    expect(judge({ status: 429, retryAfter: '7' }, 1, schedule, now)).toEqual({ kind: 'retry', delayMs: 7000 });
    expect(judge({ status: 503, retryAfter: 'Wed, 25 Nov 2026 10:00:30 GMT' }, 1, schedule, now)).toEqual({ kind: 'retry', delayMs: 30_000 });
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    // However much it asks, the wait stays a valid date (beyond the retry window: given up), never NaN.
    for (const huge of ['99999999999999999999', '9'.repeat(400), 'Fri, 31 Dec 9999 23:59:59 GMT']) {
      const asked = parseRetryAfter(huge, now)!;
      expect(Number.isFinite(new Date(now + asked).getTime())).toBe(true);
      expect(asked).toBeGreaterThan(30 * 24 * 3600 * 1000);
    }
    // A 500 does not get to choose.
    expect(judge({ status: 500, retryAfter: '3600' }, 1, { retryBaseMs: 10, retryMaxMs: 10 }, now, () => 1)).toEqual({ kind: 'retry', delayMs: 10 });
  });

  it('backs off exponentially with jitter in the upper half, up to the cap', () => {
    expect(backoffMs(1, schedule, () => 0)).toBe(500);
    expect(backoffMs(1, schedule, () => 1)).toBe(1000);
    expect(backoffMs(4, schedule, () => 1)).toBe(8000);
    expect(backoffMs(4, schedule, () => 0)).toBe(4000);
    expect(backoffMs(30, schedule, () => 1)).toBe(60_000);
    expect(backoffMs(10_000, schedule, () => 0.5)).toBe(45_000);
  });
});
