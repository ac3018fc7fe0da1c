import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard, authConfig, AuthModule, loginThrottlers, PostgresThrottlerStorage, type AuthConfig } from '@kalam/auth';
import { ContentModule } from '@kalam/content';
import { databaseConfig, DatabaseModule } from '@kalam/database';
import { DeliveryModule } from '@kalam/delivery';
import { I18nModule, LocalesModule } from '@kalam/i18n';
import { HealthModule, httpConfig } from '@kalam/platform';
import { TranslationModule } from '@kalam/translation';
import { WebhooksModule } from '@kalam/webhooks';
import { WorkflowModule } from '@kalam/workflow';
import { ArticleTranslationsController } from './articles/article-translations.controller';
import { ArticlesController } from './articles/articles.controller';
import { SourcesController } from './articles/sources.controller';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthorsController } from './authors/authors.controller';
import { LocalesController } from './locales/locales.controller';
import { MediaController } from './media/media.controller';
import { TagsController } from './tags/tags.controller';
import { TokensController } from './tokens/tokens.controller';
import { UsersController } from './users/users.controller';
import { CommentsController } from './workflow/comments.controller';
import { RevisionsController } from './workflow/revisions.controller';
import { TransitionsController } from './workflow/transitions.controller';
import { JobsController } from './translation/jobs.controller';
import { WebhookDeliveriesController } from './webhooks/webhook-deliveries.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { QueuesController } from './translation/queues.controller';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [httpConfig, databaseConfig, authConfig] }),
    ThrottlerModule.forRootAsync({
      imports: [AuthModule],
      inject: [authConfig.KEY, PostgresThrottlerStorage],
      // Only the login route is throttled (LoginThrottlerGuard): per account and address, and per address.
      useFactory: (auth: AuthConfig, storage: PostgresThrottlerStorage) => ({ storage, throttlers: loginThrottlers(auth) }),
    }),
    DatabaseModule,
    I18nModule,
    LocalesModule,
    AuthModule,
    ContentModule,
    WorkflowModule,
    TranslationModule,
    DeliveryModule,
    WebhooksModule,
    HealthModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    LocalesController,
    TokensController,
    AuditController,
    AuthorsController,
    TagsController,
    MediaController,
    ArticlesController,
    ArticleTranslationsController,
    SourcesController,
    CommentsController,
    RevisionsController,
    TransitionsController,
    QueuesController,
    JobsController,
    WebhooksController,
    WebhookDeliveriesController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class AdminApiModule {}
