import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { deliveryConfig, type DeliveryConfig } from '@kalam/delivery';

/** One answer as it went out: sent again byte for byte on a hit. */
export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  /** The locales whose documents it shows; a change in any of them drops it. '*' for every locale. */
  locales: readonly string[];
}

const ENTRY_OVERHEAD = 512;

/**
 * Published answers kept in this process, bounded in bytes, keyed by the request URL. Correct only
 * while every change reaches us (CacheInvalidation listens): while that link is down the cache is
 * off and empty, so nothing is served stale for longer than a lost notification takes to notice.
 */
@Injectable()
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedAnswer> | null;
  private live = false;
  // Bumped by every invalidation: an answer read before a change must not be stored after it.
  private generation = 0;

  constructor(@Inject(deliveryConfig.KEY) config: DeliveryConfig) {
    this.entries =
      config.cacheBytes > 0
        ? new LRUCache<string, CachedAnswer>({
            maxSize: config.cacheBytes,
            sizeCalculation: (entry, key) => entry.body.length + key.length + ENTRY_OVERHEAD,
          })
        : null;
  }

  get enabled(): boolean {
    return this.live && this.entries !== null;
  }

  get(url: string): CachedAnswer | undefined {
    return this.live ? this.entries?.get(url) : undefined;
  }

  /** Taken when a request starts; `set` refuses an answer if anything changed since. */
  ticket(): number {
    return this.generation;
  }

  set(url: string, answer: CachedAnswer, ticket: number): void {
    if (this.live && ticket === this.generation) this.entries?.set(url, answer);
  }

  /** Drops answers showing any of `locales` (a publish there changes lists, feeds, alternates…). */
  invalidate(locales: readonly string[]): void {
    this.generation += 1;
    if (!this.entries) return;
    const changed = new Set(locales);
    if (changed.has('*')) {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries.entries()) {
      if (entry.locales.includes('*') || entry.locales.some((locale) => changed.has(locale))) this.entries.delete(key);
    }
  }

  /** Notifications are flowing: cache from now on (starting empty, as anything could have changed before). */
  resume(): void {
    this.generation += 1;
    this.entries?.clear();
    this.live = true;
  }

  /** The link that tells us about changes is down: forget everything and stop caching until it is back. */
  suspend(): void {
    this.generation += 1;
    this.live = false;
    this.entries?.clear();
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0 };
  }
}
