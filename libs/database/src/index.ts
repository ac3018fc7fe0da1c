export { DatabaseModule } from './database.module';
export { databaseConfig, readDatabaseConfig, type DatabaseConfig } from './database.config';
export { buildDataSourceOptions } from './data-source-options';
export { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
export { runMigrations, revertLastMigration } from './migrations';
export { JobsModule } from './jobs/jobs.module';
export { JobQueue, type QueueName } from './jobs/job-queue';

export { cloneTemplateDatabase, recreateDatabase, TEMPLATE_DATABASE } from './testing/test-databases';
