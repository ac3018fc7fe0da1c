import { registerAs } from '@nestjs/config';
import { ConfigError, envInt, envString } from '@kalam/core';

export interface DeliveryConfig {
  /** The publication's name in feeds. */
  siteName: string;
  /** Where the delivery API is reached from outside (media URLs, feeds, sitemaps). */
  publicUrl: string;
  /** An article's public address; `{locale}` and `{slug}` are filled in (a site's own URL scheme). */
  articleUrl: string;
  /** Bytes of serialized answers each delivery process keeps in memory. */
  cacheBytes: number;
  /** Seconds browsers (max-age) and CDNs (s-maxage) may reuse a published answer, and serve it stale while refetching. */
  maxAge: number;
  sharedMaxAge: number;
  staleWhileRevalidate: number;
}

function readUrl(env: Record<string, string | undefined>, name: string, fallback: string): string {
  const value = envString(env, name, fallback)!.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(value.replace(/\{(locale|slug)\}/g, 'x'))) throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

export function readDeliveryConfig(env: Record<string, string | undefined> = process.env): DeliveryConfig {
  const port = envString(env, 'DELIVERY_PORT', '3001');
  const publicUrl = readUrl(env, 'PUBLIC_URL', `http://localhost:${port}`);
  const articleUrl = readUrl(env, 'ARTICLE_URL', `${publicUrl}/v1/{locale}/articles/{slug}`);
  if (!articleUrl.includes('{slug}')) throw new ConfigError(`ARTICLE_URL must contain {slug}, got "${articleUrl}"`);
  return {
    siteName: envString(env, 'SITE_NAME', 'Kalam')!,
    publicUrl,
    articleUrl,
    cacheBytes: envInt(env, 'DELIVERY_CACHE_MB', 64, 0, 4096) * 1024 * 1024,
    maxAge: envInt(env, 'DELIVERY_MAX_AGE', 60, 0, 31536000),
    sharedMaxAge: envInt(env, 'DELIVERY_S_MAXAGE', 300, 0, 31536000),
    staleWhileRevalidate: envInt(env, 'DELIVERY_STALE_WHILE_REVALIDATE', 86400, 0, 31536000),
  };
}

/** An article's public address by the configured ARTICLE_URL pattern (alternates, feeds, sitemaps). */
export function articleUrl(config: Pick<DeliveryConfig, 'articleUrl'>, locale: string, slug: string): string {
  return config.articleUrl.replace('{locale}', encodeURIComponent(locale)).replace('{slug}', encodeURIComponent(slug));
}

export const deliveryConfig = registerAs('delivery', () => readDeliveryConfig());
