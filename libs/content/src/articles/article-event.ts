import type { AuditEntry } from '@kalam/auth';
import type { Editor } from '@kalam/auth';

/** An audit entry about an article (its translations and sources included), by `user`. */
export function articleEvent(user: Editor, action: string, articleId: string, details: Record<string, unknown> = {}): AuditEntry {
  return { actorId: user.id, action, subjectType: 'article', subjectId: articleId, details };
}
