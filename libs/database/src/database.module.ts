import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigError } from '@kalam/core';
import { databaseConfig, type DatabaseConfig } from './database.config';
import { buildDataSourceOptions } from './data-source-options';

/**
 * The app-wide TypeORM connection. Entities are registered by each lib's module with
 * `TypeOrmModule.forFeature`, so an app loads only the contexts it composes.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(databaseConfig)],
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => {
        if (!config.url) throw new ConfigError('DATABASE_URL is not set (npm start provides an embedded PostgreSQL)');
        return {
          ...buildDataSourceOptions({ url: config.url, poolSize: config.poolSize, logQueries: config.logQueries }),
          entities: [],
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 500,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
