import { Client } from 'pg';
import { recreateDatabase, revertLastMigration, runMigrations } from '@kalam/database';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`);
    return result.rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('run up, all the way down, and up again', async () => {
    const url = await recreateDatabase(process.env.KALAM_TEST_PG_URL!, 'kalam_migrations_check');
    const applied = await runMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    const upTables = await tables(url);
    expect(upTables).toEqual(expect.arrayContaining(['api_token', 'audit_event', 'locale', 'users']));

    const reverted: string[] = [];
    for (let name = await revertLastMigration(url); name; name = await revertLastMigration(url)) reverted.push(name);
    expect(reverted).toEqual([...applied].reverse());
    expect(await tables(url)).toEqual([]);

    expect(await runMigrations(url)).toEqual(applied);
    expect(await tables(url)).toEqual(upTables);
    expect(await runMigrations(url)).toEqual([]);
  });
});
