import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('authors', () => {
  let test: TestApp;
  let token: string;
  let make: ContentFactory;

  beforeAll(async () => {
    test = await startTestApp('admin');
    token = (await signIn(test, 'editor')).token;
    make = new ContentFactory(test.http, token);
  });
  afterAll(() => test.close());

  it('creates an author with a transliterated slug and adds a Turkish bio', async () => {
    const created = await test.http.post('/admin/v1/authors', { name: 'Айгерим Жумабаева' }, { token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'aygerim-zhumabaeva', name: 'Айгерим Жумабаева', version: 1, translations: {} });
    expect(created.headers.get('etag')).toBe('"1"');

    const bio = await test.http.put(
      `/admin/v1/authors/${created.body.id}/translations/tr`,
      { displayName: 'Aygerim Cumabayeva', title: 'Kıdemli Analist', bio: 'Orta Asya su politikaları üzerine çalışıyor.' },
      { token },
    );
    expect(bio.status).toBe(201);
    expect(bio.body).toEqual({
      locale: 'tr',
      displayName: 'Aygerim Cumabayeva',
      title: 'Kıdemli Analist',
      bio: 'Orta Asya su politikaları üzerine çalışıyor.',
      version: 1,
    });

    const fetched = await test.http.get(`/admin/v1/authors/${created.body.id}`, { token });
    expect(Object.keys(fetched.body.translations)).toEqual(['tr']);
  });

  it('needs If-Match to change an existing bio, and refuses a stale one', async () => {
    const author = await make.author();
    const path = `/admin/v1/authors/${author.id}/translations/en`;
    await test.http.put(path, { bio: 'First.' }, { token });
    const missing = await test.http.put(path, { bio: 'Second.' }, { token });
    expect(missing.status).toBe(428);
    const updated = await test.http.put(path, { bio: 'Second.' }, { token, headers: { 'if-match': '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    const stale = await test.http.put(path, { bio: 'Third.' }, { token, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: 'request.precondition_failed', currentVersion: 2 });
    expect((await test.http.get(`/admin/v1/authors/${author.id}`, { token })).body.translations.en.bio).toBe('Second.');
  });

  it('answers an unknown locale with 404 listing the enabled ones, in the caller’s language', async () => {
    const author = await make.author();
    const response = await test.http.put(`/admin/v1/authors/${author.id}/translations/xx`, { bio: 'x' }, { token, headers: { 'accept-language': 'ru' } });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'locale.not_found',
      message: 'Язык xx не включён. Включённые языки: en, tr, ru.',
      enabled: ['en', 'tr', 'ru'],
    });
  });

  it('refuses a slug another author has', async () => {
    await test.http.post('/admin/v1/authors', { name: 'A', slug: 'same-person' }, { token });
    const again = await test.http.post('/admin/v1/authors', { name: 'B', slug: 'same-person' }, { token });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('author.slug_taken');
    const generated = await test.http.post('/admin/v1/authors', { name: 'Same Person' }, { token });
    expect(generated.body.slug).toBe('same-person-2');
  });

  it('keeps translators to their locales', async () => {
    const author = await make.author();
    const { token: translatorToken } = await signIn(test, 'translator', ['ru']);
    expect((await test.http.put(`/admin/v1/authors/${author.id}/translations/ru`, { bio: 'Аналитик.' }, { token: translatorToken })).status).toBe(201);
    const other = await test.http.put(`/admin/v1/authors/${author.id}/translations/tr`, { bio: 'Analist.' }, { token: translatorToken });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('auth.locale_forbidden');
    const { token: turkishEditor } = await signIn(test, 'editor', ['tr']);
    expect((await test.http.delete(`/admin/v1/authors/${author.id}/translations/ru`, { token: turkishEditor })).status).toBe(403);
    const tag = await test.http.post('/admin/v1/tags', { translations: { ru: { name: 'Чужой' } } }, { token: turkishEditor });
    expect(tag.status).toBe(403);
    const caption = await test.http.post(
      '/admin/v1/media',
      { url: 'https://images.example.org/x.jpg', translations: { ru: { caption: 'x' } } },
      { token: turkishEditor },
    );
    expect(caption.status).toBe(403);
  });

  it('refuses to delete an author who is on an article', async () => {
    const author = await make.author();
    await make.article({ authorIds: [author.id] });
    const response = await test.http.delete(`/admin/v1/authors/${author.id}`, { token });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'author.in_use', message: 'This author is on 1 article; remove them from it first.' });
  });

  it('lists and searches authors with pagination', async () => {
    const page = await test.http.get('/admin/v1/authors?q=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC&limit=5', { token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, limit: 5, total: 1 });
    expect(page.body.items[0].slug).toBe('aygerim-zhumabaeva');
    expect((await test.http.get('/admin/v1/authors?limit=1000', { token })).status).toBe(400);
  });
});
