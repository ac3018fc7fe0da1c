import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readDatabaseConfig } from '@kalam/database';
import { readDeliveryConfig } from '@kalam/delivery';
import { createHttpApp, readHttpConfig } from '@kalam/platform';
import { ArticleFastRead } from './articles/article-fast-read';
import { installCacheHook } from './cache/cache-hook';
import { ResponseCache } from './cache/response-cache';
import { DeliveryApiModule } from './delivery-api.module';

export function startDeliveryApi(): Promise<NestFastifyApplication> {
  const http = readHttpConfig();
  readDatabaseConfig();
  readDeliveryConfig();
  return createHttpApp({
    module: DeliveryApiModule,
    http,
    port: http.deliveryPort,
    prefix: 'v1',
    docs: { path: 'docs', title: 'Kalam delivery API', description: 'Published content by locale. No token needed.', bearer: false },
    // Cache hits are answered by the very first hook, before anything else a request costs.
    first: (app) => installCacheHook(app.getHttpAdapter().getInstance(), app.get(ResponseCache), app.get(ArticleFastRead).read),
  });
}
