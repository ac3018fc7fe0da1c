import type { TranslationStatus } from '@kalam/content';

/** What an editor, author or translator can do to one translation. */
export const TRANSITIONS = ['submit', 'approve', 'request-changes', 'publish', 'unpublish', 'archive', 'reopen'] as const;
export type Transition = (typeof TRANSITIONS)[number];

const ALL: readonly TranslationStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished', 'archived'];

/**
 * Two things describe a translation: the status of its working copy, and whether a live revision
 * is being served. They differ while a published text is being revised: the working copy is a
 * draft (or in review…) and readers still get the live revision until the next publish.
 */
export interface TranslationState {
  status: TranslationStatus;
  live: boolean;
}

/** Where a transition leads: the new status, and what happens to the live revision. */
export interface TransitionOutcome {
  status: TranslationStatus;
  live: 'keep' | 'publish' | 'withdraw';
}

type Rule = (state: TranslationState) => TransitionOutcome | null;

const from =
  (statuses: readonly TranslationStatus[], to: TranslationStatus, live: TransitionOutcome['live'] = 'keep'): Rule =>
  (state) =>
    statuses.includes(state.status) ? { status: to, live } : null;

/**
 * The workflow of one translation, independent of every other locale of the article:
 * draft → in_review → approved → published; in_review → changes_requested (→ edited back to draft,
 * or submitted again); published → unpublished; anything → archived; archived or unpublished →
 * reopen → draft. Unpublish takes down whatever is live, also while a new draft is in progress.
 */
const RULES: Record<Transition, Rule> = {
  submit: from(['draft', 'changes_requested'], 'in_review'),
  approve: from(['in_review'], 'approved'),
  'request-changes': from(['in_review'], 'changes_requested'),
  publish: from(['approved'], 'published', 'publish'),
  unpublish: (state) => (state.live ? { status: state.status === 'published' ? 'unpublished' : state.status, live: 'withdraw' } : null),
  archive: from(
    ALL.filter((status) => status !== 'archived'),
    'archived',
    'withdraw',
  ),
  reopen: from(['archived', 'unpublished'], 'draft'),
};

export function isTransition(name: string): name is Transition {
  return (TRANSITIONS as readonly string[]).includes(name);
}

/** Where `transition` leads from `state`, or null when it is not allowed from there. */
export function applyTransition(state: TranslationState, transition: Transition): TransitionOutcome | null {
  return RULES[transition](state);
}

/** The transitions open from `state`, in a stable order (for 409 answers and the editor's buttons). */
export function allowedTransitions(state: TranslationState): Transition[] {
  return TRANSITIONS.filter((transition) => RULES[transition](state) !== null);
}

/**
 * What saving new text does to the status. Text under review or approved goes back to draft (an
 * approval is of the version the reviewer saw); so does a live or withdrawn translation, whose
 * live revision keeps serving until the new draft is published. Archived text must be reopened first.
 */
export function statusAfterEdit(status: TranslationStatus): TranslationStatus | null {
  return status === 'archived' ? null : 'draft';
}
