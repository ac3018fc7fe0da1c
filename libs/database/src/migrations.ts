import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ url, poolSize: 2, applicationName: 'kalam-migrations' }), logging: ['error'] });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  return withDataSource(url, async (dataSource) => {
    // Two processes starting at once (e.g. several containers) must not both migrate.
    const runner = dataSource.createQueryRunner();
    await runner.query('SELECT pg_advisory_lock(7243001)');
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(7243001)');
      await runner.release();
    }
  });
}

/** Reverts the most recent migration; returns its name, or null when none was applied. */
export async function revertLastMigration(url: string): Promise<string | null> {
  return withDataSource(url, async (dataSource) => {
    const executed: { name: string }[] = await dataSource.query<{ name: string }[]>(`SELECT name FROM "migrations" ORDER BY id DESC LIMIT 1`).catch(() => []);
    if (!executed.length) return null;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return executed[0].name;
  });
}
