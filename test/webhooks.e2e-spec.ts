import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { ContentFactory } from './support/content-factory';
import { until } from './support/processes';
import { signIn, startTestApp, startTestWorker, type TestApp } from './support/test-app';
import { verifies, WebhookReceiver } from './support/webhook-receiver';

/** Short timings so an outage and its retries take seconds, not hours. */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  // Generous: the receiver, the admin API and the worker share this test's one event loop.
  WEBHOOK_TIMEOUT_MS: '5000',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_RETRY_MAX_MS: '300',
  WEBHOOK_POLL_MS: '50',
  ARTICLE_URL: 'https://news.example.org/{locale}/{slug}',
};

/** Webhooks as a site wires them: a real receiver on 127.0.0.1, the admin API and a worker on one database. */
describe('webhooks', () => {
  let test: TestApp;
  let worker: INestApplicationContext;
  let token: string;
  let make: ContentFactory;
  let db: Client;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    test = await startTestApp('admin', WEBHOOK_ENV);
    worker = await startTestWorker(test.databaseUrl, WEBHOOK_ENV);
    ({ token } = await signIn(test, 'admin'));
    make = new ContentFactory(test.http, token);
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await worker.close();
    await test.close();
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.behaviour = () => ({ status: 200 });
  });
  // Each test's webhooks end with it, whether it passed or not.
  afterEach(async () => {
    await db.query('UPDATE webhook SET active = false');
  });

  const createWebhook = async (body: Record<string, unknown>) => {
    const response = await test.http.post('/admin/v1/webhooks', { url: receiver.url, ...body }, { token });
    if (response.status !== 201) throw new Error(`${response.status} ${response.text}`);
    return response.body;
  };
  const publishedArticle = async (title: string) => {
    const article = await make.article();
    const draft = await make.translation(article.id, 'en', { title, body: 'Text.' });
    const live = await make.publish(article.id, 'en', draft.version);
    return { id: article.id, version: live.version };
  };

  it('signs each event so a receiver can verify it, with the article, its URL and the CDN keys', async () => {
    const hook = await createWebhook({ events: ['translation.published'], headers: { Authorization: 'Bearer site-token' }, description: 'site' });
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook.headers).toEqual({ authorization: '********' });
    const shown = await test.http.get(`/admin/v1/webhooks/${hook.id}`, { token });
    expect(shown.body.secret).toBeUndefined();
    expect(shown.text).not.toContain(hook.secret.slice(6));

    const { id } = await publishedArticle('Grain routes');
    await until(() => receiver.received.length > 0, 'the delivery', 10_000);
    const [got] = receiver.received;
    expect(verifies(hook.secret, got)).toBe(true);
    expect(verifies(hook.secret, { ...got, raw: got.raw.replace('grain', 'grail') })).toBe(false);
    expect(Math.abs(Number(got.timestamp) - Date.now() / 1000)).toBeLessThan(30);
    expect(got.headers.authorization).toBe('Bearer site-token');
    expect(got.body).toEqual({
      id: got.id,
      type: 'translation.published',
      occurredAt: expect.any(String),
      articleId: id,
      locale: 'en',
      slug: 'grain-routes',
      url: 'https://news.example.org/en/grain-routes',
      surrogateKeys: [`article:${id}`, 'locale:en'],
      data: expect.objectContaining({ revisionId: expect.any(String) }),
    });
    expect(got.id).toMatch(/^evt_\d+$/);

    await until(async () => (await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries`, { token })).body.items[0]?.status === 'succeeded', 'the log');
    const log = await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries`, { token });
    expect(log.body).toMatchObject({
      total: 1,
      items: [{ messageId: got.id, type: 'translation.published', status: 'succeeded', attempts: 1, responseStatus: 200, lastError: null }],
    });
    const one = await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries/${log.body.items[0].id}`, { token });
    expect(one.body).toMatchObject({ body: got.raw, responseBody: 'answered 200' });

    // A ping, answered at once, logged with the rest.
    const ping = await test.http.post(`/admin/v1/webhooks/${hook.id}/test`, {}, { token });
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ type: 'webhook.ping', status: 'succeeded', responseStatus: 200, attempts: 1 });
    expect(receiver.received.at(-1)!.body.type).toBe('webhook.ping');
    expect(verifies(hook.secret, receiver.received.at(-1)!)).toBe(true);
  });

  it('gets every event through an outage (refused, then 500s, then 429 with Retry-After): once each, in order per article', async () => {
    const hook = await createWebhook({ events: ['translation.published', 'translation.updated', 'translation.unpublished'] });
    await receiver.stop();
    const articles = await Promise.all(['North', 'South', 'East'].map((title) => publishedArticle(`${title} corridor`)));
    // Each article then changes twice more while the receiver is away: republished, then unpublished.
    for (const article of articles) {
      const edited = await make.translation(article.id, 'en', { title: 'Renamed corridor', body: 'More text.' }, article.version);
      const republished = await make.publish(article.id, 'en', edited.version);
      await make.steps(article.id, 'en', republished.version, 'unpublish');
    }
    const expected = 9;
    await until(
      async () => Number((await db.query(`SELECT count(*) FROM webhook_delivery WHERE webhook_id = $1 AND attempts > 1`, [hook.id])).rows[0].count) >= 3,
      'retries while refused',
    );

    let served = 0;
    let limitedAt = 0;
    receiver.behaviour = () => {
      served++;
      if (served <= 4) return { status: 500 };
      if (served === 5) {
        limitedAt = Date.now();
        return { status: 429, headers: { 'retry-after': '1' } };
      }
      return { status: 200 };
    };
    await receiver.start();
    await until(() => new Set(receiver.deliveredIds()).size === expected, 'every event delivered', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const delivered = receiver.deliveredIds();
    expect(delivered).toHaveLength(expected);
    expect(new Set(delivered).size).toBe(expected);
    // The request after the 429 came no sooner than the second it asked for.
    const limited = receiver.received.findIndex((r) => r.answered === 429);
    const sameArticle = receiver.received.slice(limited + 1).find((r) => r.body.articleId === receiver.received[limited].body.articleId)!;
    expect(sameArticle.at - limitedAt).toBeGreaterThanOrEqual(950);
    for (const article of articles) {
      const types = receiver.received.filter((r) => r.answered === 200 && r.body.articleId === article.id).map((r) => r.body.type);
      expect(types).toEqual(['translation.published', 'translation.updated', 'translation.unpublished']);
      // Nothing of a later event went out before the earlier one was answered 2xx.
      const ids = receiver.received.filter((r) => r.body.articleId === article.id).map((r) => Number(r.id.slice(4)));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    const log = await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries?status=succeeded&limit=100`, { token });
    expect(log.body.total).toBe(expected);
    expect(Math.max(...log.body.items.map((d: { attempts: number }) => d.attempts))).toBeGreaterThan(1);
  }, 60_000);

  it('gives up on a 4xx at once, redelivers on request, and switches a webhook off after its failing window', async () => {
    const hook = await createWebhook({ events: ['translation.published'] });
    receiver.behaviour = () => ({ status: 410 });
    await publishedArticle('Gone receiver');
    await until(
      async () => (await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries`, { token })).body.items[0]?.status === 'failed',
      'the final failure',
    );
    const [failed] = (await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries`, { token })).body.items;
    expect(failed).toMatchObject({ attempts: 1, responseStatus: 410, lastError: 'HTTP 410' });
    expect(receiver.received).toHaveLength(1);

    // Two redeliveries of it at once: one is queued, the other told it is already on its way.
    receiver.behaviour = () => ({ status: 204, holdMs: 500 });
    const both = await Promise.all([1, 2].map(() => test.http.post(`/admin/v1/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`, {}, { token })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error).toBe('webhook.delivery_in_progress');
    await until(() => receiver.deliveredIds().includes(failed.messageId), 'the redelivery');
    await until(
      async () => (await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries/${failed.id}`, { token })).body.status === 'succeeded',
      'its record',
    );

    receiver.behaviour = () => ({ status: 400 });
    await publishedArticle('Another refusal');
    await publishedArticle('And another');
    await until(async () => (await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries?status=failed`, { token })).body.total === 2, 'two failures');
    receiver.behaviour = () => ({ status: 200 });
    const all = await test.http.post(`/admin/v1/webhooks/${hook.id}/deliveries/redeliver`, { since: new Date(Date.now() - 60_000).toISOString() }, { token });
    expect(all.body).toEqual({ queued: 2 });
    await until(async () => (await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries?status=succeeded`, { token })).body.total === 3, 'all redelivered');

    // A failing streak older than WEBHOOK_DISABLE_AFTER (set back in time here) switches the webhook off on the next failure.
    await db.query(`UPDATE webhook SET failing_since = now() - interval '2 days' WHERE id = $1`, [hook.id]);
    receiver.behaviour = () => ({ status: 503 });
    await publishedArticle('Last straw');
    await until(async () => (await test.http.get(`/admin/v1/webhooks/${hook.id}`, { token })).body.active === false, 'the webhook switched off');
    const off = (await test.http.get(`/admin/v1/webhooks/${hook.id}`, { token })).body;
    expect(off).toMatchObject({ active: false, disabledReason: 'every_attempt_failed', disabledAt: expect.any(String) });
    const audit = await test.http.get(`/admin/v1/audit?subjectId=${hook.id}&action=webhook.disabled`, { token });
    expect(audit.body.items).toHaveLength(1);
    // Switched off, it sends nothing; switched on, what waited goes out.
    receiver.behaviour = () => ({ status: 200 });
    const waiting = receiver.received.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.length).toBe(waiting);
    const on = await test.http.patch(`/admin/v1/webhooks/${hook.id}`, { active: true }, { token, headers: { 'if-match': `"${off.version}"` } });
    expect(on.body).toMatchObject({ active: true, failingSince: null, disabledAt: null });
    await until(() => receiver.received.some((r) => r.answered === 200 && r.body.slug === 'last-straw'), 'the waiting delivery');
  }, 60_000);

  it('sends only the events and locales a webhook asks for', async () => {
    await createWebhook({ url: `${receiver.url}?filtered`, events: ['translation.published', 'author.updated'], locales: ['tr'] });
    const mine = () => receiver.received.filter((r) => r.path.endsWith('?filtered'));
    const article = await make.article();
    const en = await make.translation(article.id, 'en', { title: 'Filter test', body: 'Text.' });
    const tr = await make.translation(article.id, 'tr', { title: 'Süzgeç denemesi', body: 'Metin.' });
    await make.publish(article.id, 'en', en.version);
    await make.publish(article.id, 'tr', tr.version);
    const author = await make.author('Filtered Author');
    await test.http.patch(`/admin/v1/authors/${author.id}`, { name: 'Filtered Author Renamed' }, { token, headers: { 'if-match': `"${author.version}"` } });
    await until(() => mine().length >= 2, 'two deliveries');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Order holds per article only: the author event may come first.
    expect(
      mine()
        .map((r) => [r.body.type, r.body.locale])
        .sort(),
    ).toEqual([
      ['author.updated', null],
      ['translation.published', 'tr'],
    ]);
    expect(mine().find((r) => r.body.type === 'author.updated')!.body.surrogateKeys).toEqual([`author:${author.id}`]);
  });

  it('refuses private targets without WEBHOOK_ALLOW_PRIVATE, bad secrets and headers, and anyone but admins', async () => {
    const strict = await startTestApp('admin', {}, test.databaseUrl);
    try {
      const { token: admin } = await signIn(strict, 'admin');
      for (const url of ['http://127.0.0.1:9/hook', 'http://localhost/x', 'http://[::1]/', 'http://10.0.0.5/', 'http://169.254.169.254/latest/meta-data']) {
        const refused = await strict.http.post('/admin/v1/webhooks', { url }, { token: admin, headers: { 'accept-language': 'tr' } });
        expect(refused.status).toBe(400);
        expect(refused.body.details).toEqual([expect.objectContaining({ field: 'url', code: 'webhook.url_private' })]);
        expect(refused.body.details[0].message).toContain('WEBHOOK_ALLOW_PRIVATE');
      }
    } finally {
      await strict.close();
    }
    for (const body of [
      { url: 'ftp://example.org/' },
      { url: 'https://user:pass@example.org/' },
      { url: receiver.url, secret: 'hunter2' },
      { url: receiver.url, headers: { 'x-a': 'b\r\nx-evil: 1' } },
      { url: receiver.url, headers: { 'webhook-signature': 'v1,x' } },
      { url: receiver.url, events: ['everything'] },
      { url: receiver.url, locales: ['not a locale'] },
      { url: receiver.url, extra: true },
    ]) {
      const response = await test.http.post('/admin/v1/webhooks', body, { token });
      expect([response.status, response.body.error]).toEqual([400, expect.any(String)]);
    }
    const hook = await createWebhook({ active: false });
    for (const role of ['editor', 'author', 'translator'] as const) {
      const { token: other } = await signIn(test, role, role === 'translator' ? ['tr'] : []);
      for (const [method, path] of [
        ['get', '/admin/v1/webhooks'],
        ['post', '/admin/v1/webhooks'],
        ['get', `/admin/v1/webhooks/${hook.id}/deliveries`],
        ['post', `/admin/v1/webhooks/${hook.id}/test`],
        ['delete', `/admin/v1/webhooks/${hook.id}`],
      ] as const) {
        const response =
          method === 'get' || method === 'delete'
            ? await test.http[method](path, { token: other })
            : await test.http.post(path, { url: receiver.url }, { token: other });
        expect(`${role} ${method} ${path} ${response.status}`).toBe(`${role} ${method} ${path} 403`);
      }
    }
    expect((await test.http.get('/admin/v1/webhooks')).status).toBe(401);
    const gone = await test.http.delete(`/admin/v1/webhooks/${hook.id}`, { token, headers: { 'if-match': '"99"' } });
    expect(gone.status).toBe(412);
    expect((await test.http.delete(`/admin/v1/webhooks/${hook.id}`, { token })).status).toBe(204);
  });
  it('records hostile answers (a NUL in the body, a Retry-After past any window) once, and answers null fields and a ping racing a delete with 4xx', async () => {
    // A 200 whose body holds a NUL byte: delivered once and logged, not re-sent every time a lease runs out.
    const nul = await createWebhook({ events: ['translation.published'] });
    receiver.behaviour = () => ({ status: 200, body: Buffer.from([0x6f, 0x6b, 0x00, 0xff]) });
    await publishedArticle('Null answers');
    await until(
      async () => (await test.http.get(`/admin/v1/webhooks/${nul.id}/deliveries`, { token })).body.items[0]?.status === 'succeeded',
      'the NUL answer recorded',
    );
    const [logged] = (await test.http.get(`/admin/v1/webhooks/${nul.id}/deliveries`, { token })).body.items;
    expect((await test.http.get(`/admin/v1/webhooks/${nul.id}/deliveries/${logged.id}`, { token })).body).toMatchObject({
      attempts: 1,
      responseBody: 'ok\uFFFD\uFFFD',
    });
    await db.query('UPDATE webhook SET active = false WHERE id = $1', [nul.id]);

    // A 429 asking for a wait no date can hold: given up (beyond the retry window), not retried at every lease.
    const patient = await createWebhook({ events: ['translation.published'] });
    receiver.received.length = 0;
    receiver.behaviour = () => ({ status: 429, headers: { 'retry-after': '99999999999999999999' } });
    await publishedArticle('Come back in an eon');
    await until(
      async () => (await test.http.get(`/admin/v1/webhooks/${patient.id}/deliveries`, { token })).body.items[0]?.status === 'failed',
      'the 429 given up',
    );
    const [waited] = (await test.http.get(`/admin/v1/webhooks/${patient.id}/deliveries`, { token })).body.items;
    expect(waited).toMatchObject({ attempts: 1, responseStatus: 429, lastError: 'gave up after 1 attempts: HTTP 429' });
    expect(receiver.received).toHaveLength(1);

    // Null is not "left out": only the description can be cleared.
    const hook = await createWebhook({ active: false, description: 'to clear' });
    expect((await test.http.post('/admin/v1/webhooks', { url: receiver.url, secret: null }, { token })).status).toBe(400);
    for (const field of ['url', 'secret', 'headers', 'active', 'events', 'locales', 'rotateSecret']) {
      const response = await test.http.patch(`/admin/v1/webhooks/${hook.id}`, { [field]: null }, { token, headers: { 'if-match': `"${hook.version}"` } });
      expect([field, response.status, response.body.details?.[0]?.field]).toEqual([field, 400, field]);
    }
    const cleared = await test.http.patch(`/admin/v1/webhooks/${hook.id}`, { description: null }, { token, headers: { 'if-match': `"${hook.version}"` } });
    expect([cleared.status, cleared.body.description]).toEqual([200, null]);

    // A webhook deleted while its ping waits for the receiver: 404, not a 500.
    receiver.behaviour = () => ({ status: 200, holdMs: 500 });
    const ping = test.http.post(`/admin/v1/webhooks/${hook.id}/test`, {}, { token });
    await until(() => receiver.received.some((r) => r.body.type === 'webhook.ping'), 'the ping under way');
    expect((await test.http.delete(`/admin/v1/webhooks/${hook.id}`, { token })).status).toBe(204);
    expect(await ping).toMatchObject({ status: 404, body: { error: 'webhook.not_found' } });
  });
  it('gives up a delivery cut off after its retry window instead of sending it again, and lets the article’s next event go', async () => {
    const hook = await createWebhook({ url: `${receiver.url}?sweep`, events: ['translation.published', 'translation.updated'] });
    const mine = () => receiver.received.filter((r) => r.path.endsWith('?sweep'));
    const article = await publishedArticle('Swept away');
    await until(() => mine().length === 1, 'the first event');
    const [first] = (await db.query(`SELECT id FROM webhook_delivery WHERE webhook_id = $1`, [hook.id])).rows;
    // As if its worker had died mid-attempt (or could not record the answer) after the retry window closed.
    await db.query(
      `UPDATE webhook_delivery SET status = 'delivering', lease_until = now() - interval '1 second', retry_until = now() - interval '1 second', finished_at = NULL WHERE id = $1`,
      [first.id],
    );
    const edited = await make.translation(article.id, 'en', { title: 'Swept away again', body: 'More.' }, article.version);
    await make.publish(article.id, 'en', edited.version);
    await until(() => mine().some((r) => r.body.type === 'translation.updated'), 'the next event after the sweep', 20_000);
    const swept = (await test.http.get(`/admin/v1/webhooks/${hook.id}/deliveries/${first.id}`, { token })).body;
    expect(swept).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^gave up/) });
    expect(mine().map((r) => r.body.type)).toEqual(['translation.published', 'translation.updated']);
  }, 60_000);
});
