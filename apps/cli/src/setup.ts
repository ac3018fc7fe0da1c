import { KalamLogger } from '@kalam/core';
import { NestFactory } from '@nestjs/core';
import { AuthService } from '@kalam/auth';
import { runMigrations } from '@kalam/database';
import { CliModule } from './cli.module';

/**
 * Everything a fresh or upgraded database needs before the apps serve: migrations, first admin.
 * Returns whether the database was empty (this run applied the very first migration).
 */
export async function setUpDatabase(url: string, logger: KalamLogger): Promise<{ fresh: boolean }> {
  const applied = await runMigrations(url);
  if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
  await withCliContext(url, async (app) => {
    const admin = await app.get(AuthService).ensureBootstrapAdmin();
    if (admin) logger.log(`created the first admin, ${admin.email}`);
  });
  return { fresh: applied.some((name) => name.startsWith('CreateFoundation')) };
}

/**
 * A Nest application context (no HTTP) over the given database, for CLI commands. Its logger
 * shows warnings and errors only; the commands log through their own KalamLogger instances,
 * which Nest's global logger settings do not silence.
 */
export async function withCliContext<T>(url: string, work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = url;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
