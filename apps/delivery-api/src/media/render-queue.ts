/**
 * Runs keyed jobs at most `limit` at a time, and each key once however many callers ask while it
 * is pending: twenty requests for one new rendition share one render, and a burst of different
 * renditions waits its turn instead of taking every core from the API.
 */
export class RenderQueue<T> {
  private readonly pending = new Map<string, Promise<T>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  }

  /** Jobs started and not yet finished (at most `limit`), and those waiting for a turn. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** The pending job of `key`, or `make` started (in its turn) as that job. */
  once(key: string, make: () => Promise<T>): Promise<T> {
    let job = this.pending.get(key);
    if (!job) {
      job = this.inTurn(make).finally(() => this.pending.delete(key));
      this.pending.set(key, job);
    }
    return job;
  }

  private async inTurn(make: () => Promise<T>): Promise<T> {
    // A finishing job hands its slot straight to the next in line (running stays the same), so a
    // caller arriving in between cannot overtake the queue.
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await make();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
