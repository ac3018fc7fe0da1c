/**
 * The events a webhook can subscribe to. `translation.*` and `job.opened` come from the workflow and
 * translation queues; `*.updated` for shared records come from content edits (and deletes), and
 * `article.updated` from an edit of an article's authors, tags or hero image.
 */
export const WEBHOOK_EVENTS = [
  'translation.published',
  'translation.updated',
  'translation.unpublished',
  'job.opened',
  'article.updated',
  'author.updated',
  'tag.updated',
  'media.updated',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent by `POST /webhooks/{id}/test` only; no subscription needed. */
export const PING_EVENT = 'webhook.ping';
