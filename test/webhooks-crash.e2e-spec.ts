import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { ContentFactory } from './support/content-factory';
import { compileApps, ROOT, sleep, until } from './support/processes';
import { signIn, startTestApp, type TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const TIMEOUT = 120_000;
const WORKER = path.join(ROOT, 'dist/apps/worker/src/main.js');

/**
 * Webhook workers as separate processes, as `npm start` or a deployment runs them: two at once
 * deliver each event once; one killed with -9 in the middle of a delivery loses nothing, and the
 * article's later events wait for the cut-off one.
 */
describe('webhook workers as processes', () => {
  let test: TestApp;
  let token: string;
  let make: ContentFactory;
  const receiver = new WebhookReceiver();
  const workers: ChildProcess[] = [];

  const env = (databaseUrl: string) => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'error',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_TIMEOUT_MS: '3000',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_RETRY_MAX_MS: '300',
    WEBHOOK_POLL_MS: '50',
  });

  /** A worker process, resolved once it says it is ready (over the IPC channel `npm start` uses too). */
  const startWorker = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, [WORKER], { env: env(test.databaseUrl), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      workers.push(child);
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });

  beforeAll(async () => {
    compileApps();
    await receiver.start();
    test = await startTestApp('admin', env(''));
    ({ token } = await signIn(test, 'admin'));
    make = new ContentFactory(test.http, token);
  }, TIMEOUT);

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await test.close();
    await receiver.stop();
  }, TIMEOUT);

  const article = async (title: string) => {
    const { id } = await make.article();
    const draft = await make.translation(id, 'en', { title, body: 'Text.' });
    return { id, version: draft.version };
  };

  it(
    'delivers each event once with two workers, and after a kill -9 mid-delivery sends the cut-off one again before the next',
    async () => {
      const created = await test.http.post(
        '/admin/v1/webhooks',
        { url: receiver.url, events: ['translation.published', 'translation.updated', 'translation.unpublished'] },
        { token },
      );
      expect(created.status).toBe(201);
      await Promise.all([startWorker(), startWorker()]);

      // Two workers, twenty publishes at once: each event arrives exactly once.
      const drafts = await Promise.all(Array.from({ length: 20 }, (_, i) => article(`Parallel ${i}`)));
      await Promise.all(drafts.map((draft) => make.publish(draft.id, 'en', draft.version)));
      await until(() => receiver.received.length >= 20, 'twenty deliveries', 30_000);
      await sleep(1000);
      expect(receiver.received).toHaveLength(20);
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(20);

      // The next request is held; both workers die while it is in flight.
      receiver.received.length = 0;
      let held = true;
      receiver.behaviour = () => (held ? { status: 200, holdMs: 60_000 } : { status: 200 });
      const one = await article('Cut off');
      const live = await make.publish(one.id, 'en', one.version);
      await until(() => receiver.received.length === 1, 'the request in flight', 15_000);
      for (const worker of workers) worker.kill('SIGKILL');
      held = false;
      // Meanwhile the article changes twice: these must wait for the cut-off publish.
      const edited = await make.translation(one.id, 'en', { title: 'Cut off, renamed', body: 'More.' }, live.version);
      const republished = await make.publish(one.id, 'en', edited.version);
      await make.steps(one.id, 'en', republished.version, 'unpublish');

      await startWorker();
      await until(() => receiver.received.filter((r) => r.answered === 200).length >= 3, 'the three events after the restart', 30_000);
      await sleep(500);
      const answered = receiver.received.filter((r) => r.answered === 200);
      expect(answered.map((r) => r.body.type)).toEqual(['translation.published', 'translation.updated', 'translation.unpublished']);
      // The cut-off request and its second sending carry the same idempotency key.
      expect(receiver.received[0].id).toBe(answered[0].id);
      const log = await test.http.get(`/admin/v1/webhooks/${created.body.id}/deliveries?limit=3`, { token });
      expect(log.body.items.map((d: { status: string }) => d.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      expect(log.body.items[2]).toMatchObject({ attempts: 2, lastError: null });
    },
    TIMEOUT,
  );
});
