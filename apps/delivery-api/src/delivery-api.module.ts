import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { databaseConfig, DatabaseModule } from '@kalam/database';
import { I18nModule, LocalesModule } from '@kalam/i18n';
import { HealthModule, httpConfig } from '@kalam/platform';
import { PublicLocalesController } from './locales/public-locales.controller';

/** The public read API. No write paths and no admin guard: it serves published content only. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [httpConfig, databaseConfig] }),
    DatabaseModule,
    I18nModule,
    LocalesModule,
    HealthModule,
  ],
  controllers: [PublicLocalesController],
})
export class DeliveryApiModule {}
