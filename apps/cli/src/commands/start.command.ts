import { KalamLogger } from '@kalam/core';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { readAuthConfig } from '@kalam/auth';
import { readHttpConfig } from '@kalam/platform';
import { envBool, envInt } from '@kalam/core';
import { openDatabase } from '../database-session';
import { loadDemoIfWanted } from '../import/demo';
import { setUpDatabase } from '../setup';

export const APP_NAMES = ['admin-api', 'delivery-api', 'worker'] as const;
type AppName = (typeof APP_NAMES)[number];

// dist/apps/cli/src/commands → dist/apps
const APPS_DIR = path.resolve(__dirname, '../../..');
const STOP_GRACE_MS = 10_000;

function prefixLines(stream: NodeJS.ReadableStream | null, prefix: string, out: NodeJS.WriteStream): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => out.write(`${prefix} ${line}\n`));
}

/**
 * The delivery API's old-generation heap is capped (DELIVERY_HEAP_MB): under read load V8 would
 * otherwise grow it with short-lived document strings and keep the memory; its answer cache lives
 * outside that heap (Buffers, bounded by DELIVERY_CACHE_MB).
 */
function nodeOptions(name: AppName): string[] {
  const options = ['--enable-source-maps'];
  if (name === 'delivery-api') options.push(`--max-old-space-size=${envInt(process.env, 'DELIVERY_HEAP_MB', 128, 64, 16384)}`);
  return options;
}

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, the first admin,
 * then the apps as child processes. SIGINT/SIGTERM stops the apps first (they finish requests and
 * close connections), then PostgreSQL.
 */
export async function startCommand(apps: AppName[]): Promise<void> {
  const logger = new KalamLogger('kalam');
  const startedAt = Date.now();
  // Validate every app's configuration here, so a mistake is one line before anything starts.
  const http = readHttpConfig();
  readAuthConfig();
  envBool(process.env, 'KALAM_DEMO');

  const database = await openDatabase((line) => logger.log(line));
  let stopping = false;
  const children = new Map<AppName, ChildProcess>();

  const stopAll = async (exitCode: number): Promise<never> => {
    if (stopping) {
      for (const child of children.values()) child.kill('SIGKILL');
      process.exit(exitCode);
    }
    stopping = true;
    logger.log('stopping');
    const exits = [...children.values()]
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
          }),
      );
    await Promise.all(exits);
    await database.close();
    logger.log('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const { fresh } = await setUpDatabase(database.url, logger);
    await loadDemoIfWanted(database.url, fresh, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  for (const name of apps) {
    const child = spawn(process.execPath, [...nodeOptions(name), path.join(APPS_DIR, name, 'src', 'main.js')], {
      // Colours only when a person watches; piped output stays plain for log collectors.
      env: { ...process.env, DATABASE_URL: database.url, ...(process.stdout.isTTY ? {} : { NO_COLOR: '1' }) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    prefixLines(child.stdout, `[${name}]`, process.stdout);
    prefixLines(child.stderr, `[${name}]`, process.stderr);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error(`${name} exited (${signal ?? `code ${code}`}); stopping everything`);
      void stopAll(code || 1);
    });
    children.set(name, child);
  }
  // Each app says "ready" over IPC once it listens; only then is Kalam up.
  await Promise.all(
    [...children.values()].map(
      (child) => new Promise<void>((resolve) => child.on('message', (message: { kalam?: string }) => message?.kalam === 'ready' && resolve())),
    ),
  );
  logger.log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  logger.log(
    `workbench http://localhost:${http.adminPort}/admin/, admin API http://localhost:${http.adminPort}/admin/v1 (docs /admin/docs), delivery API http://localhost:${http.deliveryPort}/v1 (docs /docs)` +
      (database.embedded ? `, embedded PostgreSQL ${database.url.replace(/:[^:@/]+@/, ':***@')}` : ''),
  );
}
