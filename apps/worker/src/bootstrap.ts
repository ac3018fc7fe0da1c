import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { KalamLogger, LOG_LEVELS } from '@kalam/core';
import { readAuthConfig } from '@kalam/auth';
import { readDatabaseConfig } from '@kalam/database';
import { DocumentsRendererJob } from '@kalam/delivery';
import { readHttpConfig } from '@kalam/platform';
import { readWebhooksConfig, WebhookWorker } from '@kalam/webhooks';
import { ScheduledTransitionsRunner } from '@kalam/workflow';
import { TokenCleanupJob } from './maintenance/token-cleanup.job';
import { WorkerModule } from './worker.module';

export async function startWorker(): Promise<INestApplicationContext> {
  const { logLevel } = readHttpConfig();
  readDatabaseConfig();
  readAuthConfig();
  readWebhooksConfig();
  const logger = new KalamLogger();
  logger.setLogLevels(LOG_LEVELS[logLevel]);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  // Run the cleanup once at start, then hourly.
  await app.get(TokenCleanupJob).run();
  await app.get(ScheduledTransitionsRunner).start();
  await app.get(DocumentsRendererJob).start();
  await app.get(WebhookWorker).start();
  new Logger('Worker').log('worker running');
  return app;
}
