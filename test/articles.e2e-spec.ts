import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('articles and translations', () => {
  let test: TestApp;
  let token: string;
  let make: ContentFactory;

  beforeAll(async () => {
    test = await startTestApp('admin');
    token = (await signIn(test, 'editor')).token;
    make = new ContentFactory(test.http, token);
  });
  afterAll(() => test.close());

  it('creates an article with ordered authors and tags, then three translations with transliterated slugs', async () => {
    const [first, second] = [await make.author('Zeynep Aydın'), await make.author('Oleg Petrov')];
    const tag = await make.tag('Energy');
    const created = await test.http.post('/admin/v1/articles', { sourceLocale: 'en', authorIds: [second.id, first.id], tagIds: [tag.id] }, { token });
    expect(created.status).toBe(201);
    expect(created.body.authors.map((a: { name: string }) => a.name)).toEqual(['Oleg Petrov', 'Zeynep Aydın']);
    expect(created.body.tags[0].translations.en.slug).toBe('energy');
    const id = created.body.id;

    const en = await test.http.put(`/admin/v1/articles/${id}/translations/en`, { title: 'Relations Are Strengthening', body: 'Text.' }, { token });
    expect(en.status).toBe(201);
    expect(en.body).toMatchObject({ locale: 'en', slug: 'relations-are-strengthening', status: 'draft', version: 1 });
    expect(en.body.revisionId).toEqual(expect.any(String));
    expect(en.headers.get('etag')).toBe('"1"');
    const tr = await make.translation(id, 'tr', { title: 'İlişkiler Güçleniyor', body: 'Metin.' });
    expect(tr.slug).toBe('iliskiler-gucleniyor');
    const ru = await make.translation(id, 'ru', { title: 'Визит в Москву', body: 'Текст.' });
    expect(ru.slug).toBe('vizit-v-moskvu');

    const article = await test.http.get(`/admin/v1/articles/${id}`, { token });
    expect(Object.keys(article.body.translations).sort()).toEqual(['en', 'ru', 'tr']);
    expect(article.body.translations.tr).toMatchObject({ title: 'İlişkiler Güçleniyor', status: 'draft' });
  });

  it('refuses unknown authors and tags with 422 and an unknown source locale with 404', async () => {
    const author = await make.author();
    const unknownAuthor = await test.http.post(
      '/admin/v1/articles',
      { sourceLocale: 'en', authorIds: [author.id, '00000000-0000-4000-8000-000000000001'] },
      { token },
    );
    expect(unknownAuthor.status).toBe(422);
    expect(unknownAuthor.body).toMatchObject({ error: 'article.unknown_authors', message: 'Unknown author ids: 00000000-0000-4000-8000-000000000001.' });
    const unknownTag = await test.http.post(
      '/admin/v1/articles',
      { sourceLocale: 'en', authorIds: [author.id], tagIds: ['00000000-0000-4000-8000-000000000002'] },
      { token, headers: { 'accept-language': 'tr' } },
    );
    expect(unknownTag.status).toBe(422);
    expect(unknownTag.body.message).toBe('Bilinmeyen etiket kimlikleri: 00000000-0000-4000-8000-000000000002.');
    const unknownLocale = await test.http.post('/admin/v1/articles', { sourceLocale: 'de', authorIds: [author.id] }, { token });
    expect(unknownLocale.status).toBe(404);
    expect(unknownLocale.body.enabled).toEqual(['en', 'tr', 'ru']);
  });

  it('refuses a slug already used in the locale with 409, and names an oversize field', async () => {
    const a = await make.article();
    const b = await make.article();
    await make.translation(a.id, 'en', { title: 'Same Title', body: 'x' });
    const generated = await make.translation(b.id, 'en', { title: 'Same Title', body: 'y' });
    expect(generated.slug).toBe('same-title-2');
    const taken = await test.http.put(`/admin/v1/articles/${b.id}/translations/tr`, { title: 'Başka', slug: 'same-title', body: 'z' }, { token });
    expect(taken.status).toBe(201);
    const clash = await test.http.put(
      `/admin/v1/articles/${b.id}/translations/en`,
      { title: 'Same Title', slug: 'same-title', body: 'y' },
      { token, headers: { 'if-match': '"1"' } },
    );
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ error: 'article.slug_taken', message: 'Another article already uses the slug same-title in en.' });

    const oversize = await test.http.put(
      `/admin/v1/articles/${b.id}/translations/ru`,
      { title: 'я'.repeat(301), body: 'x' },
      { token, headers: { 'accept-language': 'ru' } },
    );
    expect(oversize.status).toBe(400);
    expect(oversize.body.details).toEqual([{ field: 'title', code: 'maxLength', message: 'Поле title должно содержать не больше 300 символов.' }]);
    const blank = await test.http.put(`/admin/v1/articles/${b.id}/translations/ru`, { title: ' \t ', body: 'x' }, { token });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([expect.objectContaining({ field: 'title', code: 'matches' })]);
  });

  it('keeps the slug when the title changes; a slug never published leaves no redirect behind', async () => {
    const article = await make.article();
    await make.translation(article.id, 'en', { title: 'First Headline', body: 'x' });
    await make.translation(article.id, 'en', { title: 'Better Headline', slug: 'better-headline', body: 'x' }, 1);
    const kept = await make.translation(article.id, 'en', { title: 'Better Headline, edited', body: 'x' }, 2);
    expect(kept.slug).toBe('better-headline');
    const detail = await test.http.get(`/admin/v1/articles/${article.id}/translations/en`, { token });
    // Nobody could link to a slug that was never live; live slugs retire at publish (workflow tests).
    expect(detail.body).toMatchObject({ slug: 'better-headline', previousSlugs: [], version: 3 });
  });

  it('renders the body to sanitized HTML', async () => {
    const article = await make.article();
    await make.translation(article.id, 'en', {
      title: 'Unsafe',
      body: '**Bold** <script>alert(1)</script><img src="https://example.org/a.png" onerror="alert(2)"> <a href="javascript:alert(3)">x</a>',
    });
    const detail = await test.http.get(`/admin/v1/articles/${article.id}/translations/en`, { token });
    expect(detail.body.bodyHtml).toContain('<strong>Bold</strong>');
    expect(detail.body.bodyHtml).not.toMatch(/<script|onerror|href="javascript/);
  });

  it('lets translators write their locale but not the source text', async () => {
    const article = await make.article();
    await make.translation(article.id, 'en', { title: 'Source', body: 'x' });
    const { token: translator } = await signIn(test, 'translator', ['tr']);
    expect((await test.http.put(`/admin/v1/articles/${article.id}/translations/tr`, { title: 'Kaynak', body: 'x' }, { token: translator })).status).toBe(201);
    const source = await test.http.put(
      `/admin/v1/articles/${article.id}/translations/en`,
      { title: 'Changed', body: 'x' },
      { token: translator, headers: { 'if-match': '"1"' } },
    );
    expect(source.status).toBe(403);
    expect((await test.http.post('/admin/v1/articles', { sourceLocale: 'tr', authorIds: [] }, { token: translator })).status).toBe(403);
  });

  it('lists articles filtered by locale, status, author, tag and text', async () => {
    const author = await make.author('Filter Person');
    const tag = await make.tag('Filterable');
    const tagged = await make.article({ authorIds: [author.id], tagIds: [tag.id] });
    await make.translation(tagged.id, 'ru', { title: 'Каспийский транзит', summary: 'Порты и паромы', body: 'x' });

    const byTag = await test.http.get(`/admin/v1/articles?tag=${tag.id}`, { token });
    expect(byTag.body.items.map((a: { id: string }) => a.id)).toEqual([tagged.id]);
    const byAuthor = await test.http.get(`/admin/v1/articles?author=${author.id}`, { token });
    expect(byAuthor.body.total).toBe(1);
    const byText = await test.http.get(`/admin/v1/articles?q=${encodeURIComponent('паром')}&locale=ru&status=draft`, { token });
    expect(byText.body.items.map((a: { id: string }) => a.id)).toEqual([tagged.id]);
    const none = await test.http.get(`/admin/v1/articles?q=${encodeURIComponent('паром')}&status=published`, { token });
    expect(none.body.total).toBe(0);
    const page = await test.http.get('/admin/v1/articles?limit=2&page=2', { token });
    expect(page.body).toMatchObject({ page: 2, limit: 2 });
    expect(page.body.items).toHaveLength(2);
    expect((await test.http.get('/admin/v1/articles?status=bogus', { token })).status).toBe(400);
  });

  it('changes authors with If-Match and deletes an article', async () => {
    const article = await make.article();
    const replacement = await make.author('Replacement');
    const stale = await test.http.patch(`/admin/v1/articles/${article.id}`, { authorIds: [replacement.id] }, { token, headers: { 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    const updated = await test.http.patch(`/admin/v1/articles/${article.id}`, { authorIds: [replacement.id] }, { token, headers: { 'if-match': '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, authors: [{ name: 'Replacement' }] });
    expect((await test.http.delete(`/admin/v1/articles/${article.id}`, { token })).status).toBe(204);
    expect((await test.http.get(`/admin/v1/articles/${article.id}`, { token })).status).toBe(404);
  });

  it('records who created, changed and deleted content in the audit log', async () => {
    const { token: adminToken, user: admin } = await signIn(test, 'admin');
    const article = await new ContentFactory(test.http, adminToken).article();
    await new ContentFactory(test.http, adminToken).translation(article.id, 'en', { title: 'Audited', body: 'x' });
    await test.http.delete(`/admin/v1/articles/${article.id}`, { token: adminToken });
    const audit = await test.http.get(`/admin/v1/audit?subjectType=article&subjectId=${article.id}`, { token: adminToken });
    expect(audit.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['article.deleted', admin.id],
      ['translation.created', admin.id],
      ['article.created', admin.id],
    ]);
  });
});
