import { canDeleteContent, canEditTranslation, canManageArticle } from './article-permissions';

const article = { sourceLocale: 'en', createdBy: 'author-1' };

describe('article permissions', () => {
  it('lets the creating author manage their article but not someone else’s', () => {
    expect(canManageArticle({ id: 'author-1', role: 'author', locales: [] }, article)).toBe(true);
    expect(canManageArticle({ id: 'author-2', role: 'author', locales: [] }, article)).toBe(false);
  });

  it('limits editors to their locales', () => {
    expect(canManageArticle({ id: 'e', role: 'editor', locales: ['tr'] }, article)).toBe(false);
    expect(canEditTranslation({ id: 'e', role: 'editor', locales: ['tr'] }, article, 'tr')).toBe(true);
  });

  it('lets translators write their target locales only, never the source', () => {
    const translator = { id: 't', role: 'translator' as const, locales: ['tr', 'en'] };
    expect(canEditTranslation(translator, article, 'tr')).toBe(true);
    expect(canEditTranslation(translator, article, 'ru')).toBe(false);
    expect(canEditTranslation(translator, article, 'en')).toBe(false);
    expect(canManageArticle(translator, article)).toBe(false);
  });

  it('keeps deletion for admins and editors', () => {
    expect(canDeleteContent({ id: 'a', role: 'admin', locales: [] }, 'ru')).toBe(true);
    expect(canDeleteContent({ id: 'author-1', role: 'author', locales: [] }, 'en')).toBe(false);
  });
});
