import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import { ContentFactory } from './support/content-factory';
import { alive, answers, compileApps, ROOT, sleep, until } from './support/processes';
import { signIn, startTestApp, type TestApp } from './support/test-app';

const DELIVERY = path.join(ROOT, 'dist/apps/delivery-api/src/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Two delivery processes, each with its own in-memory cache, stay coherent through PostgreSQL
 * LISTEN/NOTIFY alone: a publish through the admin API is served by both within a second, and a
 * lost notification connection turns the cache off rather than leaving it stale.
 */
describe('delivery cache across processes', () => {
  let admin: TestApp;
  let make: ContentFactory;
  let db: Client;
  const processes: { child: ChildProcess; url: string }[] = [];

  beforeAll(async () => {
    compileApps();
    admin = await startTestApp('admin');
    const { token } = await signIn(admin, 'admin');
    make = new ContentFactory(admin.http, token);
    db = new Client({ connectionString: admin.databaseUrl });
    await db.connect();
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const child = spawn(process.execPath, [DELIVERY], {
        env: { ...process.env, DATABASE_URL: admin.databaseUrl, DELIVERY_PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
        stdio: 'ignore',
      });
      processes.push({ child, url: `http://127.0.0.1:${port}` });
    }
    for (const { url } of processes) await until(() => answers(`${url}/health`), 'a delivery process to answer', 30_000);
  });

  afterAll(async () => {
    for (const { child } of processes) child.kill('SIGTERM');
    for (const { child } of processes) await until(() => !alive(child.pid!), 'a delivery process to stop', 10_000).catch(() => child.kill('SIGKILL'));
    await db.end();
    await admin.close();
  });

  const titleIn = async (url: string, slug: string) => {
    const response = await fetch(`${url}/v1/en/articles/${slug}`);
    return response.ok ? ((await response.json()) as { title: string }).title : `HTTP ${response.status}`;
  };
  const everyoneServes = async (slug: string, title: string) => (await Promise.all(processes.map(({ url }) => titleIn(url, slug)))).every((t) => t === title);

  it('serves a republished article from both processes within a second', async () => {
    const article = await make.article();
    const first = await make.translation(article.id, 'en', { title: 'First words', slug: 'coherent', body: 'One.' });
    let { version } = await make.publish(article.id, 'en', first.version);
    await until(() => everyoneServes('coherent', 'First words'), 'both processes to serve the first version', 5_000);
    // Hot in both caches now.
    for (let round = 1; round <= 3; round += 1) {
      const edited = await make.translation(article.id, 'en', { title: `Second words ${round}`, slug: 'coherent', body: 'Two.' }, version);
      ({ version } = await make.publish(article.id, 'en', edited.version));
      const published = Date.now();
      await until(() => everyoneServes('coherent', `Second words ${round}`), 'both processes to serve the new version', 1_000);
      expect(Date.now() - published).toBeLessThanOrEqual(1_000);
    }
  });

  it('answers from each process’s cache until a notification says the locale changed', async () => {
    const article = await make.article();
    const first = await make.translation(article.id, 'en', { title: 'Cached words', slug: 'cached', body: 'One.' });
    await make.publish(article.id, 'en', first.version);
    await until(() => everyoneServes('cached', 'Cached words'), 'both processes to serve the article', 5_000);
    // The publish's notification can reach a process after it read that answer, which it then rightly
    // does not keep (it might be stale): once the notification has surely arrived, read once more to keep it.
    await sleep(500);
    expect(await everyoneServes('cached', 'Cached words')).toBe(true);
    // A change behind the caches' back (no NOTIFY) is not seen: the answers come from memory.
    await db.query(`UPDATE published_document SET document = replace(document, 'Cached words', 'Changed words') WHERE article_id = $1`, [article.id]);
    await sleep(300);
    expect(await everyoneServes('cached', 'Cached words')).toBe(true);
    // A notification for another locale keeps them; one for English drops them.
    await db.query(`SELECT pg_notify('kalam_documents', 'tr')`);
    await sleep(300);
    expect(await everyoneServes('cached', 'Cached words')).toBe(true);
    await db.query(`SELECT pg_notify('kalam_documents', 'ru,en')`);
    await until(() => everyoneServes('cached', 'Changed words'), 'both processes to drop their cached answer', 1_000);
  });

  it('drops and rebuilds the cache when its notification connection is lost, never serving stale', async () => {
    const article = await make.article();
    const first = await make.translation(article.id, 'en', { title: 'Before the cut', slug: 'cut', body: 'One.' });
    const { version } = await make.publish(article.id, 'en', first.version);
    await until(() => everyoneServes('cut', 'Before the cut'), 'both processes to serve the article', 5_000);
    // This file's database only: other test files running at the same time have listeners of their own.
    const cut = await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kalam-delivery-cache' AND datname = current_database()`,
    );
    expect(cut.rowCount).toBe(2);
    const edited = await make.translation(article.id, 'en', { title: 'After the cut', slug: 'cut', body: 'Two.' }, version);
    await make.publish(article.id, 'en', edited.version);
    await until(() => everyoneServes('cut', 'After the cut'), 'both processes to serve the new version after the cut', 2_000);
    // And they listen again: the next publish arrives through notifications.
    await until(
      async () =>
        (await db.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'kalam-delivery-cache' AND datname = current_database()`)).rowCount === 2,
      'reconnects',
      10_000,
    );
    await sleep(100);
  });
});
