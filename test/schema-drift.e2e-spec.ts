import { DataSource } from 'typeorm';
import { buildDataSourceOptions, cloneTemplateDatabase } from '@kalam/database';

/**
 * The entities and the migrations must describe the same schema; otherwise the next
 * `npm run migration:generate` would quietly drop constraints or indexes.
 */
describe('schema', () => {
  it('has no difference between the entities and the migrated database', async () => {
    const database = await cloneTemplateDatabase(process.env.KALAM_TEST_PG_URL!);
    const dataSource = new DataSource(buildDataSourceOptions({ url: database.url, poolSize: 2 }));
    await dataSource.initialize();
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((query) => query.query.trim())).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
