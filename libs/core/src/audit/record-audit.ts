import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  ip?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event through `manager`, so it commits (or not) with the change it records.
 * A plain function in the shared kernel, not only a service of libs/auth, because libs that auth
 * itself depends on (i18n's locale registry) write audited changes too.
 */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(`INSERT INTO audit_event (actor_id, action, subject_type, subject_id, ip, details) VALUES ($1, $2, $3, $4, $5, $6)`, [
    entry.actorId,
    entry.action,
    entry.subjectType ?? null,
    entry.subjectId ?? null,
    entry.ip ?? null,
    JSON.stringify(entry.details ?? {}),
  ]);
}
