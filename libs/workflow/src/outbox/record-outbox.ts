import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export type OutboxEventType = 'translation.published' | 'translation.unpublished' | 'job.opened';

/** Appends an event in the caller's transaction: it exists if and only if the change committed. */
export async function recordOutbox(
  manager: EntityManager,
  event: { type: OutboxEventType; articleId: string; locale: string; payload?: Record<string, unknown> },
): Promise<void> {
  await manager.insert(OutboxEventEntity, {
    type: event.type,
    articleId: event.articleId,
    locale: event.locale,
    payload: (event.payload ?? {}) as Record<string, never>,
  });
}
