export const JOB_KINDS = ['new', 'update'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['open', 'claimed', 'in_review', 'done', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Waiting for, or in the hands of, a translator or reviewer: at most one such job per article and locale. */
export const ACTIVE_JOB_STATUSES = ['open', 'claimed', 'in_review'] as const satisfies readonly JobStatus[];

/** Low to urgent; the queue lists the most urgent first. */
export const JOB_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

export interface Lease {
  status: JobStatus;
  assigneeId: string | null;
  claimedUntil: Date | null;
}

/**
 * A claim whose lease ran out frees the job without anyone sweeping: readers see it open, and the
 * next claim takes it.
 */
export function effectiveLease(job: Lease, now: Date = new Date()): Lease {
  if (job.status === 'claimed' && job.claimedUntil && job.claimedUntil.getTime() <= now.getTime()) {
    return { status: 'open', assigneeId: null, claimedUntil: null };
  }
  return job;
}
