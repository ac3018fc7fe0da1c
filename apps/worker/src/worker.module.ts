import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule, authConfig } from '@kalam/auth';
import { databaseConfig, DatabaseModule } from '@kalam/database';
import { DeliveryModule } from '@kalam/delivery';
import { I18nModule } from '@kalam/i18n';
import { TranslationModule } from '@kalam/translation';
import { WebhooksModule } from '@kalam/webhooks';
import { WorkflowModule } from '@kalam/workflow';
import { TokenCleanupJob } from './maintenance/token-cleanup.job';

/** Background work that must not run inside a request: maintenance, scheduled publishing, re-rendering, webhooks. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [databaseConfig, authConfig] }),
    ScheduleModule.forRoot(),
    DatabaseModule,
    I18nModule,
    AuthModule,
    WorkflowModule,
    TranslationModule,
    DeliveryModule,
    WebhooksModule,
  ],
  providers: [TokenCleanupJob],
})
export class WorkerModule {}
