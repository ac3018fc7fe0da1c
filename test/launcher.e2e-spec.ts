import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { alive, answers, compileApps, kalamEnv, LAUNCHER_ADMIN, ROOT, startLauncher, stopLauncher, until } from './support/processes';

/**
 * `npm start`'s launcher, as a user runs it: compiled, on an empty data dir, then killed with
 * kill -9 and started again. Nothing written before the kill may be lost, and nothing may be left
 * running after a clean stop.
 */
const TIMEOUT = 90_000;

describe('npm start launcher', () => {
  let dataDir: string;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const admin = `http://127.0.0.1:${port}`;
  const delivery = `http://127.0.0.1:${port + 1}`;
  let launcher: ChildProcess | undefined;

  const start = () => startLauncher(dataDir, port);

  beforeAll(() => {
    compileApps();
  }, TIMEOUT);

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kalam-launcher-'));
  });

  afterEach(async () => {
    await stopLauncher(launcher);
    await rm(dataDir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'loses nothing to kill -9, leaves no orphans, and stops everything on SIGTERM',
    async () => {
      launcher = start();
      await until(async () => (await answers(`${admin}/health`)) && (await answers(`${delivery}/health`)), 'both APIs');

      const login = await fetch(`${admin}/admin/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(LAUNCHER_ADMIN),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const created = await fetch(`${admin}/admin/v1/locales`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ code: 'kk', name: 'Kazakh', nativeName: 'Қазақша', fallback: 'ru' }),
      });
      expect(created.status).toBe(201);

      launcher.kill('SIGKILL');
      // The apps notice their launcher is gone and stop; nothing keeps the ports.
      await until(async () => !(await answers(`${admin}/health`)) && !(await answers(`${delivery}/health`)), 'the orphaned apps to stop', 20_000);

      launcher = start();
      await until(async () => (await answers(`${admin}/health`)) && (await answers(`${delivery}/health`)), 'both APIs after the restart');
      const locales = (await (await fetch(`${delivery}/v1/locales`)).json()) as { code: string }[];
      expect(locales.map((l) => l.code)).toContain('kk');

      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      const postgresPid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
      expect(alive(postgresPid)).toBe(true);
      launcher.kill('SIGTERM');
      await until(() => !alive(launcher!.pid!), 'the launcher to stop', 20_000);
      expect(alive(postgresPid)).toBe(false);
      expect(existsSync(pidFile)).toBe(false);
      expect(await answers(`${admin}/health`)).toBe(false);
    },
    TIMEOUT * 2,
  );

  it(
    'stops everything when SIGTERM goes to the `npm start` process alone, as a process manager sends it',
    async () => {
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: ROOT,
        env: kalamEnv(dataDir, port),
        stdio: 'ignore',
      });
      launcher = npm;
      await until(async () => (await answers(`${admin}/health`)) && (await answers(`${delivery}/health`)), 'both APIs');
      const postgresPid = Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      npm.kill('SIGTERM');
      await until(
        async () => !alive(npm.pid!) && !alive(postgresPid) && !(await answers(`${admin}/health`)) && !(await answers(`${delivery}/health`)),
        'npm, the launcher, the apps and PostgreSQL to stop',
        30_000,
      );
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    },
    TIMEOUT,
  );
});
