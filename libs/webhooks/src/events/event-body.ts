import type { DispatchedEvent } from '@kalam/workflow';
import { PING_EVENT } from './webhook-events';

/** What a receiver gets, the same bytes on every attempt. */
export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  articleId: string | null;
  locale: string | null;
  slug: string | null;
  url: string | null;
  /** The delivery API's Surrogate-Key values this event makes stale: purge these at the CDN. */
  surrogateKeys: string[];
  /** What else the event carries (revision, job, the edited record's id). */
  data: Record<string, unknown>;
}

/** The idempotency key: the same for every attempt and every webhook that receives the event. */
export const eventMessageId = (eventId: string): string => `evt_${eventId}`;

function surrogateKeys(event: DispatchedEvent): string[] {
  const { type, articleId, locale, payload } = event;
  if (type.startsWith('translation.')) return [`article:${articleId}`, `locale:${locale}`];
  if (type === 'article.updated') return [`article:${articleId}`];
  const subject = type.split('.')[0];
  if (['author', 'tag', 'media'].includes(subject) && typeof payload.id === 'string') return [`${subject}:${payload.id}`];
  return [];
}

/** The JSON body for an event; `urlOf` gives an article's public address (ARTICLE_URL). */
export function eventBody(event: DispatchedEvent, urlOf: (locale: string, slug: string) => string): WebhookBody {
  const { slug, ...data } = event.payload;
  const hasSlug = typeof slug === 'string' && event.locale !== null;
  return {
    id: eventMessageId(event.id),
    type: event.type,
    occurredAt: event.createdAt.toISOString(),
    articleId: event.articleId,
    locale: event.locale,
    slug: hasSlug ? slug : null,
    url: hasSlug ? urlOf(event.locale!, slug) : null,
    surrogateKeys: surrogateKeys(event),
    data,
  };
}

/** A `webhook.ping`: the shape of every other event, about nothing but the webhook itself. */
export function pingBody(messageId: string, webhookId: string, at = new Date()): WebhookBody {
  return {
    id: messageId,
    type: PING_EVENT,
    occurredAt: at.toISOString(),
    articleId: null,
    locale: null,
    slug: null,
    url: null,
    surrogateKeys: [],
    data: { webhookId },
  };
}
