import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/**
 * Pairs of writes that touch the same rows, fired at the same moment many times. Every answer is
 * a deliberate 2xx/4xx (never a 500), and every acknowledged save is in the stored text.
 */
const ROUNDS = 50;

describe('concurrent writes to the same rows', () => {
  let test: TestApp;
  let token: string;
  let make: ContentFactory;
  const statuses: number[] = [];

  beforeAll(async () => {
    test = await startTestApp('admin', { DB_POOL_SIZE: '20' });
    ({ token } = await signIn(test, 'admin'));
    make = new ContentFactory(test.http, token);
  });
  afterAll(async () => {
    await test.close();
  });
  afterEach(() => {
    const failures = statuses.filter((status) => status >= 500);
    statuses.length = 0;
    expect(failures).toEqual([]);
  });

  const record = <T extends { status: number }>(response: T): T => {
    statuses.push(response.status);
    return response;
  };
  const translationPath = (id: string, locale = 'en') => `/admin/v1/articles/${id}/translations/${locale}`;
  const read = async (id: string) => (await test.http.get(translationPath(id), { token })).body as { body: string; version: number };

  /** An edit holding version `version` and a source change fired together; returns both answers and the stored text. */
  async function race(id: string, version: number, editedBody: string, sourceChange: () => Promise<{ status: number }>) {
    const [edit, change] = await Promise.all([
      test.http.put(translationPath(id), { title: 'Race', body: editedBody }, { token, headers: { 'if-match': `"${version}"` } }).then(record),
      sourceChange().then(record),
    ]);
    return { edit, change, stored: await read(id) };
  }

  it(`keeps every acknowledged edit when sources are reordered at the same moment (${ROUNDS} rounds)`, async () => {
    const id = (await make.article()).id;
    await make.source(id, 'One');
    await make.source(id, 'Two');
    await make.translation(id, 'en', { title: 'Race', body: 'a[^1] b[^2]' });
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const before = await read(id);
      const edited = `${before.body} EDIT${round}`;
      const { edit, change, stored } = await race(id, before.version, edited, () =>
        test.http.post(`/admin/v1/articles/${id}/sources/reorder`, { order: [2, 1] }, { token }),
      );
      expect(change.status).toBe(200);
      const swapped = (text: string) => text.replace(/\[\^([12])\]/g, (_, n) => `[^${n === '1' ? 2 : 1}]`);
      if (edit.status === 200) {
        // The edit landed first and the reorder renumbered it: both changes counted.
        if (!stored.body.includes(`EDIT${round}`)) lost++;
        expect(stored).toMatchObject({ body: swapped(edited), version: before.version + 2 });
      } else {
        // The reorder landed first: the edit was made on text that no longer exists.
        expect(edit.status).toBe(412);
        expect(stored).toMatchObject({ body: swapped(before.body), version: before.version + 1 });
      }
    }
    expect(lost).toBe(0);
  });

  it(`keeps every acknowledged edit when a source is inserted at the same moment (${ROUNDS} rounds)`, async () => {
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const id = (await make.article()).id;
      await make.source(id, 'One');
      await make.source(id, 'Two');
      const created = await make.translation(id, 'en', { title: 'Race', body: 'a[^1] b[^2]' });
      const edited = `a[^1] b[^2] EDIT${round}`;
      const { edit, change, stored } = await race(id, created.version, edited, () =>
        test.http.post(`/admin/v1/articles/${id}/sources`, { title: 'New first', position: 1 }, { token }),
      );
      expect(change.status).toBe(201);
      if (edit.status === 200) {
        if (!stored.body.includes(`EDIT${round}`)) lost++;
        expect(stored).toMatchObject({ body: `a[^2] b[^3] EDIT${round}`, version: 3 });
      } else {
        expect(edit.status).toBe(412);
        expect(stored).toMatchObject({ body: 'a[^2] b[^3]', version: 2 });
      }
    }
    expect(lost).toBe(0);
  });

  it(`keeps every acknowledged edit when an uncited source is deleted at the same moment (${ROUNDS} rounds)`, async () => {
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const id = (await make.article()).id;
      await make.source(id, 'One');
      const middle = await make.source(id, 'Two');
      await make.source(id, 'Three');
      const created = await make.translation(id, 'en', { title: 'Race', body: 'a[^1] c[^3]' });
      const edited = `a[^1] c[^3] EDIT${round}`;
      const { edit, change, stored } = await race(id, created.version, edited, () =>
        test.http.delete(`/admin/v1/articles/${id}/sources/2`, { token, headers: { 'if-match': `"${middle.version}"` } }),
      );
      expect(change.status).toBe(204);
      if (edit.status === 200) {
        if (!stored.body.includes(`EDIT${round}`)) lost++;
        expect(stored).toMatchObject({ body: `a[^1] c[^2] EDIT${round}`, version: 3 });
      } else {
        expect(edit.status).toBe(412);
        expect(stored).toMatchObject({ body: 'a[^1] c[^2]', version: 2 });
      }
    }
    expect(lost).toBe(0);
  });

  it('answers a translation created while its article is deleted with 201 or 404, never a foreign-key 500', async () => {
    for (let round = 0; round < 20; round++) {
      const id = (await make.article()).id;
      const [put, removed] = await Promise.all([
        test.http.put(translationPath(id, 'tr'), { title: 'Yarış', body: 'Metin' }, { token }).then(record),
        test.http.delete(`/admin/v1/articles/${id}`, { token }).then(record),
      ]);
      expect(removed.status).toBe(204);
      expect([201, 404]).toContain(put.status);
      if (put.status === 404) expect(put.body.error).toBe('article.not_found');
    }
  });

  it('answers a media edit racing its delete with 200 or 404', async () => {
    for (let round = 0; round < 20; round++) {
      const media = (await test.http.post('/admin/v1/media', { url: `https://images.example.org/${round}.jpg`, credit: 'Photo' }, { token })).body;
      const [patch, removed] = await Promise.all([
        test.http
          .patch(
            `/admin/v1/media/${media.id}`,
            { credit: 'Changed', translations: { en: { caption: 'A caption' } } },
            { token, headers: { 'if-match': `"${media.version}"` } },
          )
          .then(record),
        test.http.delete(`/admin/v1/media/${media.id}`, { token }).then(record),
      ]);
      expect(removed.status).toBe(204);
      expect([200, 404]).toContain(patch.status);
    }
  });

  it('answers an author bio written while the author is deleted with 201 or 404', async () => {
    for (let round = 0; round < 20; round++) {
      const author = await make.author();
      const [bio, removed] = await Promise.all([
        test.http.put(`/admin/v1/authors/${author.id}/translations/tr`, { bio: 'Biyografi' }, { token }).then(record),
        test.http.delete(`/admin/v1/authors/${author.id}`, { token }).then(record),
      ]);
      expect(removed.status).toBe(204);
      expect([201, 404]).toContain(bio.status);
    }
  });

  it('creates an article naming an author, tag and hero being deleted either fully linked or not at all', async () => {
    for (let round = 0; round < 20; round++) {
      const [author, tag] = await Promise.all([make.author(), make.tag()]);
      const hero = (await test.http.post('/admin/v1/media', { url: `https://images.example.org/hero-${round}.jpg` }, { token })).body;
      const [created, authorGone, tagGone, heroGone] = await Promise.all([
        test.http.post('/admin/v1/articles', { sourceLocale: 'en', authorIds: [author.id], tagIds: [tag.id], heroMediaId: hero.id }, { token }).then(record),
        test.http.delete(`/admin/v1/authors/${author.id}`, { token }).then(record),
        test.http.delete(`/admin/v1/tags/${tag.id}`, { token }).then(record),
        test.http.delete(`/admin/v1/media/${hero.id}`, { token }).then(record),
      ]);
      expect([201, 422]).toContain(created.status);
      // An author linked to an article cannot go (409); a tag or hero can, and the article loses it.
      expect([204, 409]).toContain(authorGone.status);
      expect(created.status === 201).toBe(authorGone.status === 409);
      expect([tagGone.status, heroGone.status]).toEqual([204, 204]);
      if (created.status === 201) {
        const stored = (await test.http.get(`/admin/v1/articles/${created.body.id}`, { token })).body;
        expect(stored.authors.map((a: { id: string }) => a.id)).toEqual([author.id]);
        expect(stored.tags).toEqual([]);
      }
    }
  });

  it('gives concurrent same-title translations distinct slugs, as one after another would get', async () => {
    const articles = await Promise.all(Array.from({ length: 20 }, () => make.article()));
    const responses = await Promise.all(
      articles.map(({ id }) => test.http.put(translationPath(id, 'ru'), { title: 'Визит в Москву', body: 'Текст' }, { token }).then(record)),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    const slugs = responses.map((r) => r.body.slug).sort();
    expect(new Set(slugs).size).toBe(20);
    expect(slugs).toContain('vizit-v-moskvu');
    for (let n = 2; n <= 20; n++) expect(slugs).toContain(`vizit-v-moskvu-${n}`);
  });

  it('names the slug when a given slug is taken', async () => {
    const [first, second] = await Promise.all([make.article(), make.article()]);
    await make.translation(first.id, 'ru', { title: 'Первый', slug: 'zanyatyi', body: 'Текст' });
    const taken = await test.http.put(translationPath(second.id, 'ru'), { title: 'Второй', slug: 'zanyatyi', body: 'Текст' }, { token });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'article.slug_taken' });
    expect(taken.body.message).toContain('zanyatyi');
  });

  /** An English translation brought through `steps`; returns the article id and the version to act on. */
  async function inState(steps: string[]): Promise<{ id: string; version: number }> {
    const id = (await make.article()).id;
    let { version } = await make.translation(id, 'en', { title: `Workflow race ${Math.random()}`, body: 'Text.' });
    for (const step of steps)
      version = (await test.http.post(`${translationPath(id)}/${step}`, {}, { token, headers: { 'if-match': `"${version}"` } })).body.version;
    return { id, version };
  }
  const act = (id: string, step: string, version: number, body: Record<string, unknown> = {}) =>
    test.http.post(`${translationPath(id)}/${step}`, body, { token, headers: { 'if-match': `"${version}"` } }).then(record);

  it('lets exactly one of two workflow steps on the same version win (approve vs request-changes, publish vs edit; 30 rounds each)', async () => {
    for (let round = 0; round < 30; round++) {
      const review = await inState(['submit']);
      const [approve, reject] = await Promise.all([
        act(review.id, 'approve', review.version),
        act(review.id, 'request-changes', review.version, { comment: 'No.' }),
      ]);
      expect([approve.status, reject.status].sort()).toEqual([200, 412]);
      const stored = await read(review.id);
      expect((await test.http.get(`/admin/v1/articles/${review.id}`, { token })).body.translations.en.status).toBe(
        approve.status === 200 ? 'approved' : 'changes_requested',
      );
      expect(stored.version).toBe(review.version + 1);

      const ready = await inState(['submit', 'approve']);
      const [publish, edit] = await Promise.all([
        act(ready.id, 'publish', ready.version),
        test.http.put(translationPath(ready.id), { title: 'Edited', body: 'Changed.' }, { token, headers: { 'if-match': `"${ready.version}"` } }).then(record),
      ]);
      expect([publish.status, edit.status].sort()).toEqual([200, 412]);
      const after = (await test.http.get(`/admin/v1/articles/${ready.id}`, { token })).body.translations.en;
      // Either the approved text went live untouched, or the edit landed and nothing went live.
      expect(after).toMatchObject(
        publish.status === 200 ? { status: 'published', liveRevisionId: expect.any(String) } : { status: 'draft', liveRevisionId: null, title: 'Edited' },
      );
    }
  });

  it('answers comments and workflow steps racing the deletion of their translation or article with 404, never a 500', async () => {
    for (let round = 0; round < 20; round++) {
      const { id } = await inState([]);
      const [comment, removed] = await Promise.all([
        test.http.post(`${translationPath(id)}/comments`, { body: 'Racing.' }, { token }).then(record),
        test.http.delete(translationPath(id), { token }).then(record),
      ]);
      expect(removed.status).toBe(204);
      expect([201, 404]).toContain(comment.status);

      const other = await inState([]);
      const [submitted, gone] = await Promise.all([
        act(other.id, 'submit', other.version),
        test.http.delete(`/admin/v1/articles/${other.id}`, { token }).then(record),
      ]);
      expect(gone.status).toBe(204);
      expect([200, 404]).toContain(submitted.status);
    }
  });

  it('lets a delete carrying If-Match win over an edit of the same version only if it came first (30 rounds)', async () => {
    for (let round = 0; round < 30; round++) {
      const { id, version } = await inState([]);
      const [edit, removed] = await Promise.all([
        test.http.put(translationPath(id), { title: 'Kept?', body: 'Edited.' }, { token, headers: { 'if-match': `"${version}"` } }).then(record),
        test.http.delete(translationPath(id), { token, headers: { 'if-match': `"${version}"` } }).then(record),
      ]);
      const statuses = [edit.status, removed.status];
      expect(statuses.filter((s) => s === 200 || s === 204)).toHaveLength(1);
      expect(statuses).toContain(412);
    }
  });

  it('refuses deletes whose If-Match is stale, for every versioned record', async () => {
    const { id } = await inState([]);
    const author = await make.author();
    const tag = await make.tag();
    const media = (await test.http.post('/admin/v1/media', { url: 'https://images.example.org/stale.jpg' }, { token })).body;
    for (const path of [
      translationPath(id),
      `/admin/v1/articles/${id}`,
      `/admin/v1/authors/${author.id}`,
      `/admin/v1/tags/${tag.id}`,
      `/admin/v1/media/${media.id}`,
    ]) {
      const stale = await test.http.delete(path, { token, headers: { 'if-match': '"99"' } }).then(record);
      expect({ path, status: stale.status }).toEqual({ path, status: 412 });
    }
    expect((await test.http.get(translationPath(id), { token })).status).toBe(200);
  });
});
