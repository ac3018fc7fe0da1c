import type { TranslationStatus } from '@kalam/content';
import { allowedTransitions, applyTransition, isTransition, statusAfterEdit, TRANSITIONS } from './translation-state-machine';

const at = (status: TranslationStatus, live = false) => ({ status, live });
const next = (status: TranslationStatus, transition: Parameters<typeof applyTransition>[1], live = false) =>
  applyTransition(at(status, live), transition)?.status ?? null;

describe('translation state machine', () => {
  it('walks the editorial path draft → in_review → approved → published, putting the text live', () => {
    expect(next('draft', 'submit')).toBe('in_review');
    expect(next('in_review', 'approve')).toBe('approved');
    expect(applyTransition(at('approved'), 'publish')).toEqual({ status: 'published', live: 'publish' });
  });

  it('sends text back with request-changes, and lets it be resubmitted', () => {
    expect(next('in_review', 'request-changes')).toBe('changes_requested');
    expect(next('changes_requested', 'submit')).toBe('in_review');
    expect(statusAfterEdit('changes_requested')).toBe('draft');
  });

  it('unpublishes whatever is live, also while a new draft of it is in review', () => {
    expect(applyTransition(at('published', true), 'unpublish')).toEqual({ status: 'unpublished', live: 'withdraw' });
    expect(applyTransition(at('in_review', true), 'unpublish')).toEqual({ status: 'in_review', live: 'withdraw' });
    expect(applyTransition(at('draft', false), 'unpublish')).toBeNull();
  });

  it('reopens withdrawn or archived text as a draft', () => {
    expect(next('unpublished', 'reopen')).toBe('draft');
    expect(next('archived', 'reopen')).toBe('draft');
    expect(next('draft', 'reopen')).toBeNull();
  });

  it('archives from anywhere but archived, taking it off the site', () => {
    for (const status of ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'unpublished'] as const) {
      expect(applyTransition(at(status, status === 'published'), 'archive')).toEqual({ status: 'archived', live: 'withdraw' });
    }
    expect(next('archived', 'archive')).toBeNull();
  });

  it('refuses to skip review', () => {
    expect(next('draft', 'publish')).toBeNull();
    expect(next('draft', 'approve')).toBeNull();
    expect(next('changes_requested', 'publish')).toBeNull();
    expect(next('published', 'publish', true)).toBeNull();
  });

  it('lists the allowed transitions from each state', () => {
    expect(allowedTransitions(at('draft'))).toEqual(['submit', 'archive']);
    expect(allowedTransitions(at('draft', true))).toEqual(['submit', 'unpublish', 'archive']);
    expect(allowedTransitions(at('in_review'))).toEqual(['approve', 'request-changes', 'archive']);
    expect(allowedTransitions(at('published', true))).toEqual(['unpublish', 'archive']);
    expect(allowedTransitions(at('archived'))).toEqual(['reopen']);
  });

  it('sends edited text back to draft, except archived text', () => {
    expect(statusAfterEdit('published')).toBe('draft');
    expect(statusAfterEdit('approved')).toBe('draft');
    expect(statusAfterEdit('archived')).toBeNull();
  });

  it('knows its transition names', () => {
    expect(TRANSITIONS.every(isTransition)).toBe(true);
    expect(isTransition('delete')).toBe(false);
  });
});
