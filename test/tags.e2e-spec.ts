import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('tags', () => {
  let test: TestApp;
  let token: string;

  beforeAll(async () => {
    test = await startTestApp('admin');
    token = (await signIn(test, 'author')).token;
  });
  afterAll(() => test.close());

  it('creates a tag in three languages with per-locale slugs', async () => {
    const created = await test.http.post(
      '/admin/v1/tags',
      { translations: { en: { name: 'Water Security' }, tr: { name: 'Su Güvenliği' }, ru: { name: 'Водная безопасность' } } },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.body.translations).toMatchObject({
      en: { slug: 'water-security' },
      tr: { slug: 'su-guvenligi' },
      ru: { slug: 'vodnaya-bezopasnost' },
    });
    const listed = await test.http.get('/admin/v1/tags?locale=tr&q=su', { token });
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
  });

  it('refuses a duplicate slug in a locale, names invalid entries, and 404s an unknown locale', async () => {
    await test.http.post('/admin/v1/tags', { translations: { en: { name: 'Energy', slug: 'energy' } } }, { token });
    const duplicate = await test.http.post('/admin/v1/tags', { translations: { en: { name: 'Power', slug: 'energy' } } }, { token });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toBe('tag.slug_taken');
    const invalid = await test.http.post('/admin/v1/tags', { translations: { en: { name: '' }, tr: 'Enerji' } }, { token });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['translations.en.name', 'translations.tr']);
    const unknown = await test.http.post('/admin/v1/tags', { translations: { xx: { name: 'x' } } }, { token });
    expect(unknown.status).toBe(404);
  });

  it('renames a tag translation with If-Match', async () => {
    const created = await test.http.post('/admin/v1/tags', { translations: { en: { name: 'Trade' } } }, { token });
    const renamed = await test.http.put(
      `/admin/v1/tags/${created.body.id}/translations/en`,
      { name: 'Foreign Trade', slug: 'foreign-trade' },
      { token, headers: { 'if-match': '"1"' } },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.translations.en).toEqual({ locale: 'en', name: 'Foreign Trade', slug: 'foreign-trade', version: 2 });
    const stale = await test.http.put(`/admin/v1/tags/${created.body.id}/translations/en`, { name: 'Trade' }, { token, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
  });

  it('answers 201 for a new locale of a tag, like a new article translation, and 428 for an edit without If-Match', async () => {
    const created = await test.http.post('/admin/v1/tags', { translations: { en: { name: 'Energy' } } }, { token });
    const added = await test.http.put(`/admin/v1/tags/${created.body.id}/translations/tr`, { name: 'Enerji' }, { token });
    expect(added.status).toBe(201);
    expect(added.headers.get('etag')).toBe('"1"');
    expect(added.body.translations.tr).toMatchObject({ slug: 'enerji', version: 1 });
    const blind = await test.http.put(`/admin/v1/tags/${created.body.id}/translations/tr`, { name: 'Enerji politikası' }, { token });
    expect(blind.status).toBe(428);
  });
});
