import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { alive, answers, compileApps, LAUNCHER_ADMIN, startLauncher, stopLauncher, until } from './support/processes';

/**
 * Publishing is one transaction: kill -9 the admin API in the middle of a burst of publishes,
 * start again, and every translation is either wholly before its publish (approved, nothing live,
 * no outbox event, no audit entry) or wholly after it, never in between.
 */
const TIMEOUT = 120_000;
const ARTICLES = 60;

describe('kill -9 during publish', () => {
  let dataDir: string;
  let launcher: ChildProcess | undefined;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const admin = `http://127.0.0.1:${port}`;

  const start = () => startLauncher(dataDir, port, 'error');

  beforeAll(async () => {
    compileApps();
    dataDir = await mkdtemp(path.join(tmpdir(), 'kalam-crash-'));
  }, TIMEOUT);

  afterAll(async () => {
    await stopLauncher(launcher);
    await rm(dataDir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'leaves each translation wholly published or wholly not',
    async () => {
      launcher = start();
      await until(() => answers(`${admin}/health`), 'the admin API');
      const call = async (method: string, url: string, token: string, body?: unknown, version?: number) => {
        const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        if (version !== undefined) headers['if-match'] = `"${version}"`;
        const response = await fetch(admin + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        return (await response.json()) as any;
      };
      const login = await fetch(`${admin}/admin/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(LAUNCHER_ADMIN),
      });
      const { accessToken: token } = (await login.json()) as { accessToken: string };
      const author = await call('POST', '/admin/v1/authors', token, { name: 'Crash Author' });
      const ready: { id: string; version: number }[] = [];
      for (let i = 0; i < ARTICLES; i++) {
        const { id } = await call('POST', '/admin/v1/articles', token, { sourceLocale: 'en', authorIds: [author.id] });
        let { version } = await call('PUT', `/admin/v1/articles/${id}/translations/en`, token, { title: `Crash ${i}`, body: 'Text.' });
        for (const step of ['submit', 'approve'])
          version = (await call('POST', `/admin/v1/articles/${id}/translations/en/${step}`, token, {}, version)).version;
        ready.push({ id, version });
      }

      // The admin API is a child of the launcher; kill it, not the launcher, while publishes are in flight.
      const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcher.pid)], { encoding: 'utf8' });
      const adminPid = Number(
        children
          .split('\n')
          .find((line) => line.includes('admin-api'))!
          .trim()
          .split(/\s+/)[0],
      );
      let acknowledged = 0;
      const burst = ready.map(({ id, version }) =>
        fetch(`${admin}/admin/v1/articles/${id}/translations/en/publish`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'if-match': `"${version}"` },
        }).then(
          (r) => {
            if (r.status === 200) acknowledged++;
            return r.status;
          },
          () => 0,
        ),
      );
      // Mid-burst: some publishes answered, the rest queued or inside their transaction.
      await until(() => acknowledged >= 10, 'the first publishes', 30_000);
      process.kill(adminPid, 'SIGKILL');
      const statuses = await Promise.all(burst);
      await until(() => !alive(launcher!.pid!), 'the launcher to notice and stop', 30_000);

      launcher = start();
      await until(() => answers(`${admin}/health`), 'the admin API after the restart');
      const postgresPort = Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[3]);
      const db = new Client({ connectionString: `postgres://kalam:kalam@127.0.0.1:${postgresPort}/kalam` });
      await db.connect();
      try {
        let published = 0;
        let untouched = 0;
        for (const [index, { id }] of ready.entries()) {
          const { rows } = await db.query(
            `SELECT t.status, t.live_revision_id, t.live_slug, t.published_at,
                    (SELECT count(*)::int FROM outbox o WHERE o.article_id = t.article_id AND o.type = 'translation.published') AS events,
                    (SELECT count(*)::int FROM audit_event a WHERE a.subject_id = t.article_id::text AND a.action = 'translation.published') AS audits,
                    (SELECT count(*)::int FROM translation_job j WHERE j.article_id = t.article_id) AS jobs
               FROM article_translation t WHERE t.article_id = $1 AND t.locale = 'en'`,
            [id],
          );
          const row = rows[0];
          if (row.status === 'published') {
            expect(row).toMatchObject({
              live_revision_id: expect.any(String),
              live_slug: expect.any(String),
              published_at: expect.any(Date),
              events: 1,
              audits: 1,
              jobs: 2, // tr and ru, opened in the same transaction
            });
            published++;
          } else {
            expect(row).toMatchObject({ status: 'approved', live_revision_id: null, live_slug: null, published_at: null, events: 0, audits: 0, jobs: 0 });
            expect(statuses[index]).not.toBe(200); // nothing acknowledged was lost
            untouched++;
          }
        }
        console.log(
          `kill -9 during ${ARTICLES} publishes: ${published} published, ${untouched} untouched, ${statuses.filter((s) => s === 200).length} acknowledged`,
        );
        expect(published + untouched).toBe(ARTICLES);
        expect(published).toBeGreaterThanOrEqual(10);
        expect(untouched).toBeGreaterThan(0);
      } finally {
        await db.end();
      }
    },
    TIMEOUT * 2,
  );
});
