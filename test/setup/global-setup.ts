// Global setup runs outside jest's module system, so @kalam/* aliases need tsconfig-paths here.
import 'tsconfig-paths/register';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { recreateDatabase, runMigrations, startEmbeddedPostgres, TEMPLATE_DATABASE, type RunningPostgres } from '@kalam/database';

declare global {
  var __KALAM_TEST_PG__: RunningPostgres | undefined;
}

/**
 * One embedded PostgreSQL per test run, in a throw-away directory, with a template database
 * migrated once; each test file clones it (see test/support/test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  await removeAbandonedServers();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kalam-test-'));
  const server = await startEmbeddedPostgres({ dataDir, port: 0, database: 'postgres' });
  try {
    const templateUrl = await recreateDatabase(server.url, TEMPLATE_DATABASE);
    await runMigrations(templateUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }
  globalThis.__KALAM_TEST_PG__ = server;
  process.env.KALAM_TEST_PG_URL = server.url;
  process.env.KALAM_TEST_DATA_DIR = dataDir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Servers of earlier runs that were interrupted (Ctrl-C skips global teardown): stop them and remove their data. */
async function removeAbandonedServers(): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith('kalam-test-')) continue;
    const dir = path.join(tmpdir(), name);
    const owner = Number(await readFile(path.join(dir, 'embedded-postgres.owner'), 'utf8').catch(() => '0'));
    if (owner && alive(owner)) continue; // another run is using it
    const postmaster = Number((await readFile(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => '0')).split('\n')[0]);
    if (postmaster && alive(postmaster)) {
      process.kill(postmaster, 'SIGQUIT');
      for (let i = 0; i < 50 && alive(postmaster); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await rm(dir, { recursive: true, force: true });
  }
}
