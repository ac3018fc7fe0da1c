import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { readDatabaseConfig } from './database.config';
import { buildDataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI (`npm run migration:generate`), which the cms CLI calls with DATABASE_URL
 * pointing at the embedded server when none is configured.
 */
const config = readDatabaseConfig();
export default new DataSource(buildDataSourceOptions({ url: config.url ?? 'postgres://invalid/unset', applicationName: 'kalam-cli' }));
