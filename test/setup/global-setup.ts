// Global setup runs outside jest's module system, so @kalam/* aliases need tsconfig-paths here.
import 'tsconfig-paths/register';
import { mkdtemp } from 'node:fs/promises';
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
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kalam-test-'));
  const server = await startEmbeddedPostgres({ dataDir, port: 0, database: 'postgres' });
  const templateUrl = await recreateDatabase(server.url, TEMPLATE_DATABASE);
  await runMigrations(templateUrl);
  globalThis.__KALAM_TEST_PG__ = server;
  process.env.KALAM_TEST_PG_URL = server.url;
  process.env.KALAM_TEST_DATA_DIR = dataDir;
}
