import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { authConfig, AuthModule } from '@kalam/auth';
import { databaseConfig, DatabaseModule } from '@kalam/database';
import { deliveryConfig, DeliveryModule } from '@kalam/delivery';
import { I18nModule, LocalesModule } from '@kalam/i18n';
import { HealthModule, httpConfig } from '@kalam/platform';
import { ArticleFastRead } from './articles/article-fast-read';
import { PublishedArticlesController } from './articles/published-articles.controller';
import { PublishedAuthorsController } from './authors/published-authors.controller';
import { CacheInvalidation } from './cache/cache-invalidation';
import { ResponseCache } from './cache/response-cache';
import { FeedsController } from './feeds/feeds.controller';
import { MediaRenditionsController } from './media/media-renditions.controller';
import { RenditionsService } from './media/renditions.service';
import { PublicLocalesController } from './locales/public-locales.controller';
import { ArticlePreview } from './preview/article-preview';
import { PreviewAccess } from './preview/preview-access';
import { PublishedAnswer } from './published/published-answer';
import { PublishedSearchController } from './search/published-search.controller';

/** The public read API. No write paths and no admin guard: published content, and drafts to preview-token holders. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [httpConfig, databaseConfig, authConfig, deliveryConfig] }),
    DatabaseModule,
    I18nModule,
    LocalesModule,
    AuthModule,
    DeliveryModule,
    HealthModule,
  ],
  controllers: [
    PublicLocalesController,
    FeedsController,
    PublishedArticlesController,
    PublishedAuthorsController,
    PublishedSearchController,
    MediaRenditionsController,
  ],
  providers: [ResponseCache, CacheInvalidation, PublishedAnswer, PreviewAccess, ArticlePreview, ArticleFastRead, RenditionsService],
})
export class DeliveryApiModule {}
