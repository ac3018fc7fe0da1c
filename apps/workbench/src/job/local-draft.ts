import type { Units } from './job-text';

/**
 * Unsaved text of a job, kept in this browser until a save succeeds: a sign-in that runs out, a
 * reload or a closed tab does not lose what the translator typed. Keyed by user and job.
 */
export interface LocalDraft {
  /** What the text was based on when typing started, to merge with what is saved by then. */
  base: Units;
  units: Units;
  at: number;
}

const PREFIX = 'kalam.draft.';
const key = (userId: string, jobId: string) => `${PREFIX}${userId}.${jobId}`;

export function readLocalDraft(userId: string, jobId: string): LocalDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key(userId, jobId)) ?? 'null') as LocalDraft | null;
    const ok = draft && typeof draft.at === 'number' && typeof draft.units === 'object' && typeof draft.base === 'object';
    return ok ? draft : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(userId: string, jobId: string, draft: LocalDraft | null): void {
  try {
    if (draft) localStorage.setItem(key(userId, jobId), JSON.stringify(draft));
    else localStorage.removeItem(key(userId, jobId));
  } catch {
    // Storage full or refused: the text is still on screen; saving to the API is what counts.
  }
}

/** Whether this user has text kept here that no save has reached yet. */
export const hasLocalDrafts = (userId: string): boolean => Object.keys(localStorage).some((name) => name.startsWith(`${PREFIX}${userId}.`));

/** A deliberate sign-out leaves no text of this user behind on a shared computer. */
export function forgetLocalDrafts(userId: string): void {
  for (const name of Object.keys(localStorage)) if (name.startsWith(`${PREFIX}${userId}.`)) localStorage.removeItem(name);
}
