import { readDatabaseConfig, startEmbeddedPostgres, type RunningPostgres } from '@kalam/database';

export interface DatabaseSession {
  url: string;
  embedded: RunningPostgres | null;
  close(): Promise<void>;
}

/**
 * The database a command works on: DATABASE_URL when set, otherwise the embedded PostgreSQL in
 * KALAM_DATA_DIR (started for the command, or the one `npm start` is already running).
 */
export async function openDatabase(log: (line: string) => void, verbose = false): Promise<DatabaseSession> {
  const config = readDatabaseConfig();
  if (config.url) return { url: config.url, embedded: null, close: () => Promise.resolve() };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPort,
    database: 'kalam',
    log: (line) => {
      if (verbose || /initialising|adopting|using the embedded|FATAL|PANIC|\[error\]/.test(line)) log(line);
    },
  });
  return { url: embedded.url, embedded, close: () => embedded.stop() };
}
