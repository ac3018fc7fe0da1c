import { KalamLogger, projectRoot } from '@kalam/core';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { revertLastMigration, runMigrations } from '@kalam/database';
import { openDatabase } from '../database-session';
import { loadDemoIfWanted } from '../import/demo';
import { setUpDatabase } from '../setup';

const logger = new KalamLogger('migrations');
const ROOT = projectRoot();

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const database = await openDatabase((line) => logger.log(line));
  try {
    return await work(database.url);
  } finally {
    await database.close();
  }
}

export async function migrationRun(): Promise<void> {
  const applied = await withDatabase(runMigrations);
  logger.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
}

export async function setupCommand(): Promise<void> {
  await withDatabase(async (url) => {
    const { fresh } = await setUpDatabase(url, logger);
    await loadDemoIfWanted(url, fresh, logger);
  });
  logger.log('database ready');
}

export async function migrationRevert(): Promise<void> {
  const reverted = await withDatabase(revertLastMigration);
  logger.log(reverted ? `reverted: ${reverted}` : 'nothing to revert');
}

/**
 * Diffs the entities against a database migrated to the latest migration and writes
 * migrations/<epoch>-<Name>.ts with TypeORM's generator. Read and trim the file before committing.
 */
export async function migrationGenerate(name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('the migration name must be PascalCase, e.g. AddArticleSummary');
  await withDatabase(async (url) => {
    await runMigrations(url);
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('typeorm/cli.js'),
        'migration:generate',
        path.join(ROOT, 'migrations', name),
        '-d',
        path.join(ROOT, 'dist/libs/database/src/data-source.js'),
        '--pretty',
      ],
      { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
    );
    if (result.status !== 0) throw new Error(`typeorm migration:generate exited with ${result.status}`);
  });
}
