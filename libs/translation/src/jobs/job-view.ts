import { effectiveLease, type JobKind, type JobPriority, type JobStatus } from './job-status';
import type { TranslationJobEntity } from './translation-job.entity';

/** A job as clients see it: an expired claim shows as open, with nobody holding it. */
export interface JobView {
  id: string;
  articleId: string;
  locale: string;
  kind: JobKind;
  status: JobStatus;
  sourceRevisionId: string;
  assignee: { id: string; displayName: string } | null;
  claimedUntil: Date | null;
  priority: JobPriority;
  dueAt: Date | null;
  openedAt: Date;
  closedAt: Date | null;
  version: number;
}

export function jobView(job: TranslationJobEntity, assigneeName: string | null, now: Date = new Date()): JobView {
  const lease = effectiveLease(job, now);
  return {
    id: job.id,
    articleId: job.articleId,
    locale: job.targetLocale,
    kind: job.kind,
    status: lease.status,
    sourceRevisionId: job.sourceRevisionId,
    assignee: lease.assigneeId ? { id: lease.assigneeId, displayName: assigneeName ?? '' } : null,
    claimedUntil: lease.claimedUntil,
    priority: job.priority,
    dueAt: job.dueAt,
    openedAt: job.openedAt,
    closedAt: job.closedAt,
    version: job.version,
  };
}
