import { Client } from 'pg';
import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, type TestApp } from './support/test-app';

/**
 * The editorial workflow as editors use it: English live while Turkish is in review and Russian is
 * a draft, each translation moving on its own.
 */
describe('editorial workflow per translation', () => {
  let test: TestApp;
  let token: string;
  let me: { displayName: string | null; email: string };
  let make: ContentFactory;
  let db: Client;

  beforeAll(async () => {
    test = await startTestApp('admin');
    ({ token, user: me } = await signIn(test, 'admin'));
    make = new ContentFactory(test.http, token);
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await test.close();
  });

  const path = (id: string, locale: string) => `/admin/v1/articles/${id}/translations/${locale}`;
  const step = (id: string, locale: string, transition: string, version: number, body: Record<string, unknown> = {}) =>
    test.http.post(`${path(id, locale)}/${transition}`, body, { token, headers: { 'if-match': `"${version}"` } });
  /** Runs steps in order, each with the version the previous answer gave; fails on anything but 200. */
  async function walk(id: string, locale: string, version: number, ...steps: (string | [string, Record<string, unknown>])[]) {
    let current = version;
    let last: any;
    for (const entry of steps) {
      const [name, body] = typeof entry === 'string' ? [entry, {}] : entry;
      const response = await step(id, locale, name, current, body);
      if (response.status !== 200) throw new Error(`${locale} ${name}: ${response.status} ${response.text}`);
      last = response.body;
      current = last.version;
    }
    return last;
  }
  const translation = async (id: string, locale: string) => (await test.http.get(`/admin/v1/articles/${id}`, { token })).body.translations[locale];

  it('runs en, tr and ru through the workflow independently, from draft to published, edited live, republished, unpublished and restored', async () => {
    const article = await make.article();
    const id = article.id;
    await make.source(id, 'Port traffic yearbook', { publisher: 'Harbour Board' });
    const en = await make.translation(id, 'en', { title: 'Ports of the Caspian', body: 'Cargo grew.[^1]' });
    await make.translation(id, 'tr', { title: 'Hazar Limanları', body: 'Yük arttı.[^1]' });
    await make.translation(id, 'ru', { title: 'Порты Каспия', body: 'Грузооборот вырос.[^1]' });

    // en: submitted, sent back with a comment, edited, resubmitted, approved, published.
    const changes = await walk(id, 'en', en.version, 'submit', ['request-changes', { comment: 'Name the three ports.' }]);
    expect(changes).toMatchObject({ status: 'changes_requested', liveRevisionId: null, allowed: ['submit', 'archive'] });
    const edited = await make.translation(
      id,
      'en',
      { title: 'Ports of the Caspian', body: 'Cargo grew in Aktau, Baku and Turkmenbashi.[^1]' },
      changes.version,
    );
    expect(edited.status).toBe('draft');
    const published = await walk(id, 'en', edited.version, 'submit', 'approve', 'publish');
    expect(published).toMatchObject({ status: 'published', liveSlug: 'ports-of-the-caspian', allowed: ['unpublish', 'archive'] });
    const firstLive = published.liveRevisionId;
    expect(firstLive).toEqual(expect.any(String));

    // Meanwhile tr goes to review and ru stays a draft.
    const tr = await translation(id, 'tr');
    await walk(id, 'tr', tr.version, 'submit');
    const view = (await test.http.get(`/admin/v1/articles/${id}`, { token })).body.translations;
    expect([view.en.status, view.tr.status, view.ru.status]).toEqual(['published', 'in_review', 'draft']);
    expect(view.en).toMatchObject({ liveRevisionId: firstLive, hasUnpublishedChanges: false });

    // Editing live text works on a draft; readers keep the live revision until the next publish.
    const draft = await make.translation(
      id,
      'en',
      { title: 'Ports of the Caspian', body: 'Cargo grew fast in Aktau, Baku and Turkmenbashi.[^1]' },
      published.version,
    );
    expect(await translation(id, 'en')).toMatchObject({ status: 'draft', liveRevisionId: firstLive, hasUnpublishedChanges: true });
    const list = await test.http.get(`/admin/v1/articles?status=in_review&locale=tr`, { token });
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(id);

    // Republishing replaces the live revision in one step.
    const republished = await walk(id, 'en', draft.version, 'submit', 'approve', 'publish');
    expect(republished.liveRevisionId).not.toBe(firstLive);
    const { rows: outbox } = await db.query(`SELECT type, locale FROM outbox WHERE article_id = $1 AND type LIKE 'translation.%' ORDER BY id`, [id]);
    expect(outbox).toEqual([
      { type: 'translation.published', locale: 'en' },
      { type: 'translation.updated', locale: 'en' },
    ]);

    // The revision history: every text save, each immutable; diff and restore.
    const revisions = (await test.http.get(`${path(id, 'en')}/revisions`, { token })).body;
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
    expect(revisions.find((r: { live: boolean }) => r.live).id).toBe(republished.liveRevisionId);
    const diff = await test.http.get(`${path(id, 'en')}/revisions/${revisions[2].id}/diff/${revisions[0].id}`, { token });
    expect(diff.body.diff.body).toEqual([expect.objectContaining({ status: 'changed', fromParagraph: 1, toParagraph: 1, from: 'Cargo grew.[^1]' })]);
    const restored = await test.http.post(`${path(id, 'en')}/revisions/${revisions[2].id}/restore`, undefined, {
      token,
      headers: { 'if-match': `"${republished.version}"` },
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'draft' });
    const afterRestore = (await test.http.get(path(id, 'en'), { token })).body;
    expect(afterRestore).toMatchObject({ body: 'Cargo grew.[^1]', liveRevisionId: republished.liveRevisionId });
    expect((await test.http.get(`${path(id, 'en')}/revisions`, { token })).body[0]).toMatchObject({ number: 4, message: 'Restored revision 1' });

    // Unpublishing en takes it off the site and leaves tr and ru as they were.
    const unpublished = await walk(id, 'en', restored.body.version, 'unpublish');
    expect(unpublished).toMatchObject({ status: 'draft', liveRevisionId: null, liveSlug: null });
    const after = (await test.http.get(`/admin/v1/articles/${id}`, { token })).body.translations;
    expect([after.en.status, after.tr.status, after.ru.status]).toEqual(['draft', 'in_review', 'draft']);
    expect((await db.query('SELECT type FROM outbox WHERE article_id = $1 ORDER BY id DESC LIMIT 1', [id])).rows[0].type).toBe('translation.unpublished');

    // Every step is in the audit log with who and from → to, and can be filtered by action.
    const publishes = await test.http.get(`/admin/v1/audit?subjectId=${id}&action=translation.published`, { token });
    expect(publishes.body.items.map((e: { action: string; details: { locale: string } }) => [e.action, e.details.locale])).toEqual([
      ['translation.published', 'en'],
      ['translation.published', 'en'],
    ]);
    const audit = await test.http.get(`/admin/v1/audit?subjectType=article&subjectId=${id}&limit=100`, { token });
    const steps = audit.body.items.filter((e: { action: string }) => /submitted|approved|published|changes_requested/.test(e.action));
    expect(steps.find((e: { action: string }) => e.action === 'translation.changes_requested').details).toMatchObject({
      locale: 'en',
      from: 'in_review',
      to: 'changes_requested',
    });
  });

  it('retires a live slug only when a new revision goes live, and keeps live and working slugs unique', async () => {
    const first = await make.article();
    const created = await make.translation(first.id, 'en', { title: 'Grain Corridor', body: 'Text.' });
    const live = await walk(first.id, 'en', created.version, 'submit', 'approve', 'publish');
    const renamed = await make.translation(first.id, 'en', { title: 'Grain Corridor', slug: 'grain-corridor-reopens', body: 'Text.' }, live.version);
    const before = (await test.http.get(path(first.id, 'en'), { token })).body;
    expect(before).toMatchObject({ slug: 'grain-corridor-reopens', liveSlug: 'grain-corridor', previousSlugs: [] });

    // Another article may take neither the live slug nor the working one.
    const second = await make.article();
    for (const slug of ['grain-corridor', 'grain-corridor-reopens']) {
      const taken = await test.http.put(path(second.id, 'en'), { title: 'Other', slug, body: 'Text.' }, { token });
      expect(taken.status).toBe(409);
      expect(taken.body.message).toContain(slug);
    }
    const generated = await make.translation(second.id, 'en', { title: 'Grain Corridor', body: 'Text.' });
    expect(generated.slug).toBe('grain-corridor-2');

    await walk(first.id, 'en', renamed.version, 'submit', 'approve', 'publish');
    const after = (await test.http.get(path(first.id, 'en'), { token })).body;
    expect(after).toMatchObject({ liveSlug: 'grain-corridor-reopens', previousSlugs: ['grain-corridor'] });
  });

  it('publishes the sources a revision cites as they were, until it is republished', async () => {
    const article = await make.article();
    await make.source(article.id, 'Yearbook 2023');
    const created = await make.translation(article.id, 'en', { title: 'Sources', body: 'Cited.[^1]' });
    const live = await walk(article.id, 'en', created.version, 'submit', 'approve', 'publish');
    await test.http.patch(`/admin/v1/articles/${article.id}/sources/1`, { title: 'Yearbook 2024' }, { token, headers: { 'if-match': '"1"' } });
    const revision = (await test.http.get(`${path(article.id, 'en')}/revisions/${live.liveRevisionId}`, { token })).body;
    expect(revision.snapshot.sources).toEqual([expect.objectContaining({ position: 1, title: 'Yearbook 2023' })]);
  });

  it('answers bad workflow requests with clear 4xx and changes nothing', async () => {
    const article = await make.article();
    const other = await make.article();
    const created = await make.translation(article.id, 'en', { title: 'Bad input', body: 'Cites a missing source.[^4]' });
    await make.translation(other.id, 'en', { title: 'Other article', body: 'x' });
    const v = created.version;

    const unknown = await step(article.id, 'en', 'teleport', v);
    expect(unknown).toMatchObject({ status: 404, body: { error: 'workflow.unknown_transition' } });
    expect((await test.http.post(`${path(article.id, 'en')}/submit`, {}, { token })).status).toBe(428);
    expect(await step(article.id, 'en', 'submit', v + 5)).toMatchObject({ status: 412, body: { currentVersion: v } });
    const illegal = await step(article.id, 'en', 'publish', v);
    expect(illegal).toMatchObject({ status: 409, body: { error: 'workflow.transition_not_allowed', details: { allowed: ['submit', 'archive'] } } });
    const footnotes = await step(article.id, 'en', 'submit', v);
    expect(footnotes.status).toBe(422);
    expect(footnotes.body).toMatchObject({ error: 'workflow.footnotes_invalid', details: [{ field: 'body', code: 'footnote_without_source', footnote: 4 }] });

    await make.source(article.id, 'One');
    const fixed = await make.translation(article.id, 'en', { title: 'Bad input', body: 'Cites a real source.[^1]' }, v);
    const inReview = await walk(article.id, 'en', fixed.version, 'submit');
    const noComment = await step(article.id, 'en', 'request-changes', inReview.version);
    expect(noComment).toMatchObject({ status: 400, body: { details: [{ field: 'comment' }] } });
    expect((await step(article.id, 'en', 'approve', inReview.version, { comment: 'x', extra: true })).status).toBe(400);

    const comment = await test.http.post(`${path(article.id, 'en')}/comments`, { body: 'Check paragraph 1.', paragraph: 1 }, { token });
    expect(comment.status).toBe(201);
    expect((await test.http.post(`${path(other.id, 'en')}/comments/${comment.body.id}/reply`, { body: 'x' }, { token })).status).toBe(404);
    expect((await test.http.post(`${path(article.id, 'tr')}/comments/${comment.body.id}/resolve`, undefined, { token })).status).toBe(404);
    expect((await test.http.post(`${path(article.id, 'en')}/comments`, { body: '' }, { token })).status).toBe(400);

    const enRevision = (await test.http.get(`${path(article.id, 'en')}/revisions`, { token })).body[0];
    await make.translation(article.id, 'tr', { title: 'Kötü girdi', body: 'Metin.[^1]' });
    const crossLocale = await test.http.post(`${path(article.id, 'tr')}/revisions/${enRevision.id}/restore`, undefined, {
      token,
      headers: { 'if-match': '"1"' },
    });
    expect(crossLocale).toMatchObject({ status: 404, body: { error: 'revision.not_found' } });
    expect((await test.http.get(`${path(article.id, 'en')}/revisions/not-a-uuid`, { token })).status).toBe(400);

    expect(await translation(article.id, 'en')).toMatchObject({ status: 'in_review', version: inReview.version });
    expect(await translation(article.id, 'tr')).toMatchObject({ status: 'draft', version: 1 });
  });

  it('lists review comments with who, when, replies and whether they are resolved', async () => {
    const article = await make.article();
    const created = await make.translation(article.id, 'en', { title: 'Comments', body: 'One.\n\nTwo.' });
    const inReview = await walk(article.id, 'en', created.version, ['submit', { comment: 'Ready, I think.' }]);
    await walk(article.id, 'en', inReview.version, ['request-changes', { comment: 'Paragraph two is thin.' }]);
    const comments = (await test.http.get(`${path(article.id, 'en')}/comments`, { token })).body;
    expect(comments.map((c: { body: string }) => c.body)).toEqual(['Ready, I think.', 'Paragraph two is thin.']);
    comments.shift();
    const reply = await test.http.post(`${path(article.id, 'en')}/comments/${comments[0].id}/reply`, { body: 'Expanded it.' }, { token });
    expect(reply.body).toMatchObject({ parentId: comments[0].id, resolved: false });
    const resolved = await test.http.post(`${path(article.id, 'en')}/comments/${comments[0].id}/resolve`, undefined, { token });
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: expect.any(String) });
    const all = (await test.http.get(`${path(article.id, 'en')}/comments`, { token })).body;
    expect(all.map((c: { body: string; resolved: boolean }) => [c.body, c.resolved])).toEqual([
      ['Ready, I think.', false],
      ['Paragraph two is thin.', true],
      ['Expanded it.', false],
    ]);
    expect(all[1]).toMatchObject({ authorId: expect.any(String), createdAt: expect.any(String), revisionId: expect.any(String) });
    // Signed with a name people know, in the list and in the answer to a new comment alike.
    expect(all.map((c: { authorName: string }) => c.authorName)).toEqual([0, 1, 2].map(() => me.displayName || me.email));
    expect(reply.body.authorName).toBe(me.displayName || me.email);
  });

  it('refuses to delete live text, so its going is always an unpublish that readers and webhooks see', async () => {
    const article = await make.article();
    const created = await make.translation(article.id, 'en', { title: 'Live text', body: 'Text.' });
    const live = await walk(article.id, 'en', created.version, 'submit', 'approve', 'publish');
    const deleted = await test.http.delete(path(article.id, 'en'), { token });
    expect(deleted).toMatchObject({ status: 409, body: { error: 'translation.live' } });
    const whole = await test.http.delete(`/admin/v1/articles/${article.id}`, { token });
    expect(whole).toMatchObject({ status: 409, body: { error: 'article.live', locales: ['en'] } });
    expect((await translation(article.id, 'en')).liveRevisionId).toBe(live.liveRevisionId);
    await walk(article.id, 'en', live.version, 'unpublish');
    expect((await test.http.delete(`/admin/v1/articles/${article.id}`, { token })).status).toBe(204);
  });
});
