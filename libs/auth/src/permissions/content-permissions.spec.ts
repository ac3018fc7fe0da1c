import {
  canDeleteContent,
  canDeleteRecord,
  canEditRecordLocale,
  canEditTranslation,
  canManageArticle,
  canManageRecord,
  canPerform,
} from './content-permissions';

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

describe('shared record permissions', () => {
  const ruEditor = { id: 'e', role: 'editor' as const, locales: ['ru'] };
  const author = { id: 'author-1', role: 'author' as const, locales: [] };
  const englishOnly = { createdBy: 'someone', locales: ['en'] };
  const ruOnly = { createdBy: 'someone', locales: ['ru'] };

  it('lets a locale-scoped editor change and delete only what has no other locale', () => {
    expect(canManageRecord(ruEditor, englishOnly)).toBe(false);
    expect(canDeleteRecord(ruEditor, englishOnly)).toBe(false);
    expect(canDeleteRecord(ruEditor, { createdBy: null, locales: ['ru', 'en'] })).toBe(false);
    expect(canManageRecord(ruEditor, ruOnly)).toBe(true);
    expect(canDeleteRecord(ruEditor, ruOnly)).toBe(true);
    expect(canDeleteRecord(ruEditor, { createdBy: null, locales: [] })).toBe(true);
    expect(canEditRecordLocale(ruEditor, englishOnly, 'ru')).toBe(true);
    expect(canEditRecordLocale(ruEditor, englishOnly, 'en')).toBe(false);
  });

  it('lets authors edit what they created, and never delete', () => {
    const own = { createdBy: 'author-1', locales: ['en', 'tr'] };
    expect(canManageRecord(author, own)).toBe(true);
    expect(canEditRecordLocale(author, own, 'tr')).toBe(true);
    expect(canManageRecord(author, englishOnly)).toBe(false);
    expect(canEditRecordLocale(author, englishOnly, 'en')).toBe(false);
    expect(canEditRecordLocale(author, { createdBy: null, locales: [] }, 'en')).toBe(false);
    expect(canDeleteRecord(author, own)).toBe(false);
  });

  it('lets translators write their locales’ rows, never shared fields', () => {
    const translator = { id: 't', role: 'translator' as const, locales: ['tr'] };
    expect(canEditRecordLocale(translator, englishOnly, 'tr')).toBe(true);
    expect(canEditRecordLocale(translator, englishOnly, 'ru')).toBe(false);
    expect(canManageRecord(translator, { createdBy: 't', locales: [] })).toBe(false);
    expect(canDeleteRecord(translator, { createdBy: 't', locales: [] })).toBe(false);
  });

  it('lets admins do everything', () => {
    const admin = { id: 'a', role: 'admin' as const, locales: [] };
    expect(canManageRecord(admin, englishOnly) && canDeleteRecord(admin, englishOnly) && canEditRecordLocale(admin, englishOnly, 'kk')).toBe(true);
  });
});

describe('workflow permissions', () => {
  const article = { sourceLocale: 'en', createdBy: 'author-1' };
  const owner = { id: 'author-1', role: 'author' as const, locales: [] };
  const trTranslator = { id: 't', role: 'translator' as const, locales: ['tr'] };
  const trEditor = { id: 'e', role: 'editor' as const, locales: ['tr'] };

  it('lets whoever may write the text submit it', () => {
    expect(canPerform(owner, article, 'en', 'submit')).toBe(true);
    expect(canPerform({ ...owner, id: 'someone-else' }, article, 'en', 'submit')).toBe(false);
    expect(canPerform(trTranslator, article, 'tr', 'submit')).toBe(true);
    expect(canPerform(trTranslator, article, 'en', 'submit')).toBe(false);
  });

  it('keeps review, publishing and shelving for editors in their locales and admins', () => {
    for (const capability of ['review', 'publish', 'shelve'] as const) {
      expect(canPerform(trEditor, article, 'tr', capability)).toBe(true);
      expect(canPerform(trEditor, article, 'ru', capability)).toBe(false);
      expect(canPerform(owner, article, 'en', capability)).toBe(false);
      expect(canPerform(trTranslator, article, 'tr', capability)).toBe(false);
      expect(canPerform({ id: 'a', role: 'admin', locales: [] }, article, 'kk', capability)).toBe(true);
    }
  });
});
