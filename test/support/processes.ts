import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Helpers for tests that run Kalam as users do: as processes, started, signalled and waited for. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `condition` every 200 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** True when `url` answers 2xx. */
export const answers = (url: string): Promise<boolean> =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );

export const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/apps/cli/src/main.js');

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Compiles the apps as `npm start` does, so tests run the same JavaScript a user runs. Once per
 * test run: test files run in parallel, and a compile rewrites dist (Vite empties the workbench's
 * directory first) under another file's apps while they start. The first caller compiles under a
 * lock in the run's directory (test/setup/global-setup.ts); the others wait for it and reuse it.
 */
export function compileApps(): void {
  const run = process.env.KALAM_TEST_DATA_DIR;
  const done = run && path.join(run, 'apps-compiled');
  const lock = run && path.join(run, 'apps-compiling');
  if (done && existsSync(done)) return;
  const giveUp = Date.now() + 300_000;
  let locked = false;
  while (lock && !locked && Date.now() < giveUp) {
    try {
      mkdirSync(lock);
      locked = true;
    } catch {
      if (existsSync(done!)) return;
      pause(200);
    }
  }
  try {
    if (done && existsSync(done)) return;
    const compiled = spawnSync('npm', ['run', 'compile', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    if (compiled.status !== 0) throw new Error(`compile failed: ${compiled.stdout}${compiled.stderr}`);
    if (done) writeFileSync(done, '');
  } finally {
    if (locked) rmSync(lock!, { recursive: true, force: true });
  }
}

/** The environment of a Kalam of its own: embedded PostgreSQL in `dataDir`, the APIs on `port` and `port + 1`. */
export function kalamEnv(dataDir: string, port: number, logLevel = 'warn'): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KALAM_DATA_DIR: dataDir,
    ADMIN_PORT: String(port),
    DELIVERY_PORT: String(port + 1),
    HOST: '127.0.0.1',
    KALAM_DEMO: 'false',
    LOG_LEVEL: logLevel,
    DATABASE_URL: '',
  };
}

export const LAUNCHER_ADMIN = { email: 'boss@example.org', password: 'a-long-password' };

/** The compiled launcher (`npm start` without npm), with a first admin. */
export function startLauncher(dataDir: string, port: number, logLevel = 'warn'): ChildProcess {
  return spawn(process.execPath, [CLI, 'start'], {
    env: { ...kalamEnv(dataDir, port, logLevel), ADMIN_EMAIL: LAUNCHER_ADMIN.email, ADMIN_PASSWORD: LAUNCHER_ADMIN.password },
    stdio: 'ignore',
  });
}

/** SIGTERM, then SIGKILL if it has not stopped within 20 s. */
export async function stopLauncher(launcher: ChildProcess | undefined): Promise<void> {
  if (!launcher?.pid || !alive(launcher.pid)) return;
  launcher.kill('SIGTERM');
  await until(() => !alive(launcher.pid!), 'the launcher to stop', 20_000).catch(() => launcher.kill('SIGKILL'));
}
