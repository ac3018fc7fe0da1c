import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { ContentFactory } from './support/content-factory';
import { signIn, startTestApp, startTestWorker, type TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Scheduled publishing and unpublishing, done by the worker through the job queue. */
describe('scheduled publishing', () => {
  let test: TestApp;
  let token: string;
  let make: ContentFactory;
  let db: Client;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    test = await startTestApp('admin');
    ({ token } = await signIn(test, 'admin'));
    make = new ContentFactory(test.http, token);
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.close();
  });
  afterAll(async () => {
    await db.end();
    await test.close();
  });

  const path = (id: string) => `/admin/v1/articles/${id}/translations/en`;

  /** An approved English translation; returns the article id and the version to act on. */
  async function approved(title: string): Promise<{ id: string; version: number }> {
    const { id } = await make.article();
    let { version } = await make.translation(id, 'en', { title, body: 'Text.' });
    for (const step of ['submit', 'approve']) {
      version = (await test.http.post(`${path(id)}/${step}`, {}, { token, headers: { 'if-match': `"${version}"` } })).body.version;
    }
    return { id, version };
  }

  const schedule = (id: string, version: number, transition: 'publish' | 'unpublish', at: Date) =>
    test.http.post(`${path(id)}/${transition}`, { [`${transition}At`]: at.toISOString() }, { token, headers: { 'if-match': `"${version}"` } });

  async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await check()) return true;
      await sleep(200);
    }
    return false;
  }

  const row = async (id: string) =>
    (
      await db.query('SELECT status, published_at, publish_at, unpublish_at, live_revision_id FROM article_translation WHERE article_id = $1 AND locale = $2', [
        id,
        'en',
      ])
    ).rows[0];
  const count = async (sql: string, id: string) => Number((await db.query(sql, [id])).rows[0].n);

  it('publishes within 5 s of the time, exactly once, with two workers running', async () => {
    workers.push(await startTestWorker(test.databaseUrl), await startTestWorker(test.databaseUrl));
    const articles = await Promise.all(Array.from({ length: 8 }, (_, i) => approved(`Scheduled ${i}`)));
    const at = new Date(Date.now() + 2500);
    for (const { id, version } of articles) {
      const scheduled = await schedule(id, version, 'publish', at);
      expect(scheduled.status).toBe(200);
      expect(scheduled.body).toMatchObject({ status: 'approved', liveRevisionId: null, publishAt: at.toISOString() });
    }
    for (const { id } of articles) {
      expect(await waitFor(async () => (await row(id)).status === 'published', 9000)).toBe(true);
      const published = await row(id);
      const late = published.published_at.getTime() - at.getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(5000);
      expect(published.publish_at).toBeNull();
    }
    await sleep(1500); // give a duplicate every chance to show up
    for (const { id } of articles) {
      expect(await count(`SELECT count(*) AS n FROM outbox WHERE article_id = $1 AND type = 'translation.published'`, id)).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM audit_event WHERE subject_id = $1::text AND action = 'translation.published'`, id)).toBe(1);
    }
  });

  it('still publishes after the workers are restarted between scheduling and the time', async () => {
    workers.push(await startTestWorker(test.databaseUrl));
    const { id, version } = await approved('Survives a restart');
    const at = new Date(Date.now() + 2000);
    expect((await schedule(id, version, 'publish', at)).status).toBe(200);
    for (const worker of workers.splice(0)) await worker.close();
    await sleep(2500);
    expect((await row(id)).status).toBe('approved'); // nobody was running at the time
    workers.push(await startTestWorker(test.databaseUrl));
    expect(await waitFor(async () => (await row(id)).status === 'published', 5000)).toBe(true);
  });

  it('unpublishes at the time, and drops a publish whose text was edited after approval', async () => {
    workers.push(await startTestWorker(test.databaseUrl));
    const live = await approved('Goes down later');
    const published = await test.http.post(`${path(live.id)}/publish`, {}, { token, headers: { 'if-match': `"${live.version}"` } });
    const down = await schedule(live.id, published.body.version, 'unpublish', new Date(Date.now() + 1500));
    expect(down.body).toMatchObject({ status: 'published', unpublishAt: expect.any(String) });

    const edited = await approved('Edited after approval');
    const scheduled = await schedule(edited.id, edited.version, 'publish', new Date(Date.now() + 1500));
    await make.translation(edited.id, 'en', { title: 'Edited after approval', body: 'New text, not approved.' }, scheduled.body.version);

    expect(await waitFor(async () => (await row(live.id)).status === 'unpublished', 6000)).toBe(true);
    expect((await row(live.id)).live_revision_id).toBeNull();
    await sleep(1000);
    expect(await row(edited.id)).toMatchObject({ status: 'draft', live_revision_id: null, publish_at: null });
  });

  it('refuses a schedule the workflow does not allow, or on the wrong step', async () => {
    const { id } = await make.article();
    const draft = await make.translation(id, 'en', { title: 'Not approved', body: 'Text.' });
    const early = await schedule(id, draft.version, 'publish', new Date(Date.now() + 60_000));
    expect(early).toMatchObject({ status: 409, body: { details: { allowed: ['submit', 'archive'] } } });
    const wrong = await test.http.post(
      `${path(id)}/submit`,
      { publishAt: new Date(Date.now() + 60_000).toISOString() },
      { token, headers: { 'if-match': `"${draft.version}"` } },
    );
    expect(wrong).toMatchObject({ status: 400, body: { details: [{ field: 'publishAt' }] } });
    const garbage = await test.http.post(`${path(id)}/publish`, { publishAt: 'tomorrow' }, { token, headers: { 'if-match': `"${draft.version}"` } });
    expect(garbage.status).toBe(400);
    expect(await row(id)).toMatchObject({ status: 'draft', publish_at: null });
  });
});
