import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export type OutboxEventType =
  | 'translation.published'
  | 'translation.updated'
  | 'translation.unpublished'
  | 'job.opened'
  | 'article.updated'
  | 'author.updated'
  | 'tag.updated'
  | 'media.updated';

/** Appends an event in the caller's transaction: it exists if and only if the change committed. */
export async function recordOutbox(
  manager: EntityManager,
  event: { type: OutboxEventType; articleId: string | null; locale: string | null; payload?: Record<string, unknown> },
): Promise<void> {
  await manager.insert(OutboxEventEntity, {
    type: event.type,
    articleId: event.articleId,
    locale: event.locale,
    payload: (event.payload ?? {}) as Record<string, never>,
  });
}

/** An event as the webhook dispatcher takes it. */
export interface DispatchedEvent {
  id: string;
  type: string;
  articleId: string | null;
  locale: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** Whether any event waits to be dispatched: one probe of a partial index, cheap enough to poll. */
export async function hasUndispatched(manager: EntityManager): Promise<boolean> {
  const [{ waiting }]: { waiting: boolean }[] = await manager.query('SELECT EXISTS (SELECT 1 FROM outbox WHERE dispatched_at IS NULL) AS waiting');
  return waiting;
}

/**
 * Takes the oldest events nobody has dispatched yet, in id order, and marks them dispatched in the
 * caller's transaction: if it rolls back, they are taken again. Writers of one article hold its lock
 * while they append, so an article's events commit in id order and are taken in that order.
 */
export async function takeUndispatched(manager: EntityManager, limit: number): Promise<DispatchedEvent[]> {
  type Row = { id: string; type: string; article_id: string | null; locale: string | null; payload: Record<string, unknown>; created_at: Date };
  // pg answers UPDATE … RETURNING as [rows, count].
  const [rows]: [Row[], number] = await manager.query(
    `UPDATE outbox o SET dispatched_at = now()
         FROM (SELECT id FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE) batch
        WHERE o.id = batch.id
        RETURNING o.id, o.type, o.article_id, o.locale, o.payload, o.created_at`,
    [limit],
  );
  return rows
    .map((row) => ({ id: String(row.id), type: row.type, articleId: row.article_id, locale: row.locale, payload: row.payload, createdAt: row.created_at }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}
