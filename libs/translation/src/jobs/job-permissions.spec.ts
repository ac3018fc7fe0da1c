import type { Editor } from '@kalam/auth';
import { canManageJobs, canSeeQueue, canWorkOnJob, mayActAsHolder } from './job-permissions';

describe('who may do what with translation jobs', () => {
  const article = { sourceLocale: 'en', createdBy: 'author-1' };
  const as = (role: Editor['role'], locales: string[] = [], id = `${role}-1`): Editor => ({ id, role, locales });

  it('shows a queue to its translators and to editors in scope, never to authors', () => {
    expect(canSeeQueue(as('translator', ['tr']), 'tr')).toBe(true);
    expect(canSeeQueue(as('translator', ['tr']), 'ru')).toBe(false);
    expect(canSeeQueue(as('translator'), 'tr')).toBe(false);
    expect(canSeeQueue(as('editor'), 'ru')).toBe(true);
    expect(canSeeQueue(as('editor', ['tr']), 'ru')).toBe(false);
    expect(canSeeQueue(as('author'), 'tr')).toBe(false);
    expect(canSeeQueue(as('admin', ['tr']), 'ru')).toBe(true);
  });

  it('lets translators work on jobs in their locales, never on the source locale, and never authors', () => {
    expect(canWorkOnJob(as('translator', ['tr']), article, 'tr')).toBe(true);
    expect(canWorkOnJob(as('translator', ['tr', 'en']), article, 'en')).toBe(false);
    expect(canWorkOnJob(as('author', [], 'author-1'), article, 'tr')).toBe(false);
    expect(canWorkOnJob(as('editor', ['tr']), article, 'tr')).toBe(true);
  });

  it('leaves planning to editors and admins in the locale, and holding to the holder', () => {
    expect(canManageJobs(as('editor', ['tr']), article, 'tr')).toBe(true);
    expect(canManageJobs(as('editor', ['tr']), null, 'ru')).toBe(false);
    expect(canManageJobs(as('translator', ['tr']), article, 'tr')).toBe(false);
    expect(mayActAsHolder(as('translator', ['tr'], 't1'), 't1', article, 'tr')).toBe(true);
    expect(mayActAsHolder(as('translator', ['tr'], 't2'), 't1', article, 'tr')).toBe(false);
    expect(mayActAsHolder(as('translator', ['tr'], 't2'), null, article, 'tr')).toBe(false);
    expect(mayActAsHolder(as('editor', ['tr']), 't1', article, 'tr')).toBe(true);
  });
});
