import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('footnote sources', () => {
  let test: TestApp;
  let token: string;
  let make: ContentFactory;

  beforeAll(async () => {
    test = await startTestApp('admin');
    token = (await signIn(test, 'editor')).token;
    make = new ContentFactory(test.http, token);
  });
  afterAll(() => test.close());

  async function articleWithSources(count: number): Promise<string> {
    const article = await make.article();
    for (let n = 1; n <= count; n++)
      await make.source(article.id, `Source ${n}`, { publisher: `Publisher ${n}`, accessedOn: '2024-03-0' + n, language: n % 2 ? 'ru' : 'en' });
    return article.id;
  }

  it('reports a footnote cited without a source and a source never cited', async () => {
    const id = await articleWithSources(4);
    await make.translation(id, 'en', { title: 'Checked', body: 'One.[^1] Two.[^2] Three.[^3] Five.[^5]' });
    const checks = await test.http.get(`/admin/v1/articles/${id}/translations/en/checks`, { token });
    expect(checks.status).toBe(200);
    expect(checks.body).toEqual({
      errors: [{ code: 'footnote_without_source', footnote: 5, message: 'Footnote 5 cites a source that does not exist.' }],
      warnings: [{ code: 'source_not_cited', footnote: 4, message: 'Source 4 is never cited.' }],
    });
  });

  it('answers checks for a missing translation or an unknown locale with the right 404', async () => {
    const id = await articleWithSources(1);
    const missing = await test.http.get(`/admin/v1/articles/${id}/translations/ru/checks`, { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('translation.not_found');
    const unknown = await test.http.get(`/admin/v1/articles/${id}/translations/xx/checks`, { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'locale.not_found', enabled: ['en', 'tr', 'ru'] });
  });

  it('reports a translation whose footnotes differ from the source locale, in Turkish', async () => {
    const id = await articleWithSources(2);
    await make.translation(id, 'en', { title: 'Source text', body: 'A.[^1] B.[^2]' });
    await make.translation(id, 'tr', { title: 'Çeviri', body: 'A.[^1]' });
    const checks = await test.http.get(`/admin/v1/articles/${id}/translations/tr/checks`, { token, headers: { 'accept-language': 'tr' } });
    expect(checks.body.errors).toEqual([
      { code: 'footnote_missing_from_translation', footnote: 2, message: '2 numaralı dipnot kaynak metinde var, bu çeviride yok.' },
    ]);
  });

  it('renders footnotes as a numbered list of the sources in the translation’s language', async () => {
    const id = await articleWithSources(2);
    await make.translation(id, 'ru', { title: 'Сноски', body: 'Факт.[^2]' });
    const detail = await test.http.get(`/admin/v1/articles/${id}/translations/ru`, { token });
    expect(detail.body.bodyHtml).toContain('<a href="#fn-2" id="fnref-2">2</a>');
    expect(detail.body.bodyHtml).toContain('<li id="fn-2">Source 2, <em>Publisher 2</em> (Дата обращения: 2 марта 2024 г.)');
  });

  it('reorders sources and renumbers footnotes in every translation', async () => {
    const id = await articleWithSources(3);
    await make.translation(id, 'en', { title: 'Reorder', body: 'A[^1] B[^2] C[^3] `code [^1]`' });
    await make.translation(id, 'tr', { title: 'Sırala', body: 'C[^3] A[^1]' });
    const reordered = await test.http.post(`/admin/v1/articles/${id}/sources/reorder`, { order: [3, 1, 2] }, { token });
    expect(reordered.status).toBe(200);
    expect(reordered.body.map((s: { position: number; title: string }) => [s.position, s.title])).toEqual([
      [1, 'Source 3'],
      [2, 'Source 1'],
      [3, 'Source 2'],
    ]);
    const en = await test.http.get(`/admin/v1/articles/${id}/translations/en`, { token });
    expect(en.body).toMatchObject({ body: 'A[^2] B[^3] C[^1] `code [^1]`', version: 2 });
    const tr = await test.http.get(`/admin/v1/articles/${id}/translations/tr`, { token });
    expect(tr.body.body).toBe('C[^1] A[^2]');
    const { token: adminToken } = await signIn(test, 'admin');
    const audit = await test.http.get(`/admin/v1/audit?subjectType=article&subjectId=${id}`, { token: adminToken });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'source.reordered',
      'translation.renumbered',
      'translation.renumbered',
      'translation.created',
      'translation.created',
      'source.added',
      'source.added',
      'source.added',
      'article.created',
    ]);
    const bad = await test.http.post(`/admin/v1/articles/${id}/sources/reorder`, { order: [1, 1, 2] }, { token });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toBe('source.bad_order');
  });

  const versionAt = async (id: string, position: number): Promise<number> =>
    (await test.http.get(`/admin/v1/articles/${id}/sources`, { token })).body.find((s: { position: number }) => s.position === position).version;

  it('refuses to delete a cited source, and renumbers after deleting an uncited one', async () => {
    const id = await articleWithSources(3);
    await make.translation(id, 'en', { title: 'Delete', body: 'A[^1] C[^3]' });
    expect((await test.http.delete(`/admin/v1/articles/${id}/sources/2`, { token })).status).toBe(428);
    const cited = await test.http.delete(`/admin/v1/articles/${id}/sources/1`, { token, headers: { 'if-match': `"${await versionAt(id, 1)}"` } });
    expect(cited.status).toBe(409);
    expect(cited.body).toMatchObject({ error: 'source.cited', locales: ['en'] });
    expect((await test.http.delete(`/admin/v1/articles/${id}/sources/2`, { token, headers: { 'if-match': `"${await versionAt(id, 2)}"` } })).status).toBe(204);
    const sources = await test.http.get(`/admin/v1/articles/${id}/sources`, { token });
    expect(sources.body.map((s: { position: number; title: string }) => [s.position, s.title])).toEqual([
      [1, 'Source 1'],
      [2, 'Source 3'],
    ]);
    expect((await test.http.get(`/admin/v1/articles/${id}/translations/en`, { token })).body.body).toBe('A[^1] C[^2]');
  });

  it('never lets an edit by position land on a source that moved into that position', async () => {
    const id = await articleWithSources(3);
    const seen = await versionAt(id, 2); // an editor opens source 2
    await test.http.delete(`/admin/v1/articles/${id}/sources/1`, { token, headers: { 'if-match': `"${await versionAt(id, 1)}"` } }); // someone removes source 1
    const edit = await test.http.patch(`/admin/v1/articles/${id}/sources/1`, { title: 'Edited' }, { token, headers: { 'if-match': `"${seen}"` } });
    expect(edit.status).toBe(412);
    const misplaced = await test.http.patch(`/admin/v1/articles/${id}/sources/2`, { title: 'Edited' }, { token, headers: { 'if-match': `"${seen}"` } });
    expect(misplaced.status).toBe(412);
    const titles = (await test.http.get(`/admin/v1/articles/${id}/sources`, { token })).body.map((s: { title: string }) => s.title);
    expect(titles).toEqual(['Source 2', 'Source 3']);
  });

  it('inserts a source at a position and shifts later footnotes', async () => {
    const id = await articleWithSources(2);
    await make.translation(id, 'en', { title: 'Insert', body: 'A[^1] B[^2]' });
    const inserted = await make.source(id, 'New first source', { position: 1 });
    expect(inserted.position).toBe(1);
    expect((await test.http.get(`/admin/v1/articles/${id}/translations/en`, { token })).body.body).toBe('A[^2] B[^3]');
  });

  it('edits a source with If-Match and validates its fields', async () => {
    const id = await articleWithSources(1);
    const missing = await test.http.patch(`/admin/v1/articles/${id}/sources/1`, { title: 'Renamed' }, { token });
    expect(missing.status).toBe(428);
    const edited = await test.http.patch(
      `/admin/v1/articles/${id}/sources/1`,
      { title: 'Renamed', url: 'https://example.org/r' },
      { token, headers: { 'if-match': '"1"' } },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ position: 1, title: 'Renamed', url: 'https://example.org/r', version: 2 });
    expect((await test.http.patch(`/admin/v1/articles/${id}/sources/1`, { title: 'Again' }, { token, headers: { 'if-match': '"1"' } })).status).toBe(412);
    const invalid = await test.http.post(`/admin/v1/articles/${id}/sources`, { title: 'x', url: 'javascript:alert(1)', accessedOn: '2024-13-45' }, { token });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['accessedOn', 'url']);
    expect((await test.http.patch(`/admin/v1/articles/${id}/sources/abc`, {}, { token })).status).toBe(400);
    expect((await test.http.patch(`/admin/v1/articles/${id}/sources/9`, { title: 'x' }, { token, headers: { 'if-match': '"1"' } })).status).toBe(404);
  });
});
