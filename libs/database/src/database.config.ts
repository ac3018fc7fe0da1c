import { registerAs } from '@nestjs/config';
import * as path from 'node:path';
import { envBool, envInt, envPort, envPostgresUrl, envString } from '@kalam/core';

export interface DatabaseConfig {
  /** Unset means "use the embedded PostgreSQL"; only the launcher may start one. */
  url: string | undefined;
  dataDir: string;
  poolSize: number;
  /** Preferred port for the embedded server; 0 picks a free one and remembers it. */
  embeddedPort: number;
  logQueries: boolean;
}

export function readDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  return {
    url: envPostgresUrl(env, 'DATABASE_URL'),
    dataDir: path.resolve(envString(env, 'KALAM_DATA_DIR', './.data')!),
    poolSize: envInt(env, 'DB_POOL_SIZE', 10, 1, 500),
    embeddedPort: envPort(env, 'KALAM_EMBEDDED_PG_PORT', 0),
    logQueries: envBool(env, 'DB_LOG_QUERIES', false)!,
  };
}

export const databaseConfig = registerAs('database', () => readDatabaseConfig());
