import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readDatabaseConfig } from '@kalam/database';
import { createHttpApp, readHttpConfig } from '@kalam/platform';
import { DeliveryApiModule } from './delivery-api.module';

export function startDeliveryApi(): Promise<NestFastifyApplication> {
  const http = readHttpConfig();
  readDatabaseConfig();
  return createHttpApp({
    module: DeliveryApiModule,
    http,
    port: http.deliveryPort,
    prefix: 'v1',
    docs: { path: 'docs', title: 'Kalam delivery API', description: 'Published content by locale. No token needed.', bearer: false },
  });
}
