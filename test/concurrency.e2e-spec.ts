import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

describe('no lost edits', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp('admin', { DB_POOL_SIZE: '20' });
  });
  afterAll(() => test.close());

  it('lets exactly one of 20 concurrent writers holding the same version win', async () => {
    const { token } = await signIn(test, 'editor');
    const make = new ContentFactory(test.http, token);
    const article = await make.article();
    await make.translation(article.id, 'en', { title: 'Original', body: 'Original text.' });

    const writers = Array.from({ length: 20 }, (_, i) =>
      test.http.put(
        `/admin/v1/articles/${article.id}/translations/en`,
        { title: `Writer ${i}`, body: `Text by writer ${i}.` },
        { token, headers: { 'if-match': '"1"' } },
      ),
    );
    const responses = await Promise.all(writers);
    const winners = responses.map((r, i) => ({ status: r.status, i })).filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 412);
    expect(winners).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const response of refused) expect(response.body).toMatchObject({ error: 'request.precondition_failed', currentVersion: 2 });

    const stored = await test.http.get(`/admin/v1/articles/${article.id}/translations/en`, { token });
    expect(stored.body).toMatchObject({ title: `Writer ${winners[0].i}`, body: `Text by writer ${winners[0].i}.`, version: 2 });
  });

  it('lets exactly one of 10 concurrent creators of a translation win', async () => {
    const { token } = await signIn(test, 'editor');
    const make = new ContentFactory(test.http, token);
    const article = await make.article();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        test.http.put(`/admin/v1/articles/${article.id}/translations/tr`, { title: `Yazar ${i}`, body: `Metin ${i}` }, { token }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 428)).toHaveLength(9);
  });
});
