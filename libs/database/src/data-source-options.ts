import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';

// Compiled (dist/libs/database/src → dist) or from source under jest (libs/database/src → repo root):
// the layout below the root is the same, only the extension differs.
const ROOT = path.resolve(__dirname, '../../..');
const EXT = path.extname(__filename);

export const MIGRATIONS_GLOB = path.join(ROOT, 'migrations', `*${EXT}`);
export const ENTITIES_GLOB = path.join(ROOT, '{libs,apps}', '**', `*.entity${EXT}`);

export interface ConnectionSettings {
  url: string;
  poolSize?: number;
  logQueries?: boolean;
  applicationName?: string;
}

/** The one DataSource definition, used by the apps (through Nest) and by the CLI. Never synchronize. */
export function buildDataSourceOptions(settings: ConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: [ENTITIES_GLOB],
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Query errors are rethrown and logged by whoever handles them; logging them here too is noise.
    logging: settings.logQueries ? 'all' : ['warn'],
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'kalam',
      // Fail fast instead of hanging a request when the pool or server is stuck.
      connectionTimeoutMillis: 10_000,
      statement_timeout: 30_000,
    },
  };
}
