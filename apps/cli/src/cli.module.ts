import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { authConfig, AuthModule } from '@kalam/auth';
import { ContentModule } from '@kalam/content';
import { databaseConfig, DatabaseModule } from '@kalam/database';
import { DeliveryModule } from '@kalam/delivery';
import { I18nModule, LocalesModule } from '@kalam/i18n';
import { TranslationModule } from '@kalam/translation';
import { WorkflowModule } from '@kalam/workflow';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [databaseConfig, authConfig] }),
    DatabaseModule,
    I18nModule,
    LocalesModule,
    AuthModule,
    ContentModule,
    WorkflowModule,
    TranslationModule,
    DeliveryModule,
  ],
})
export class CliModule {}
