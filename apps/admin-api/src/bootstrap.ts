import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readAuthConfig } from '@kalam/auth';
import { readWebhooksConfig } from '@kalam/webhooks';
import { CONTENT_REFERENCED_SCHEMAS, readContentConfig } from '@kalam/content';
import { readDatabaseConfig } from '@kalam/database';
import { readDeliveryConfig } from '@kalam/delivery';
import { createHttpApp, readHttpConfig } from '@kalam/platform';
import { AdminApiModule } from './admin-api.module';
import { serveWorkbench } from './workbench/serve-workbench';
import { defaultWorkbenchDir, loadWorkbenchFiles } from './workbench/workbench-files';

/** Starts the admin API; config errors surface here, before Nest starts, as ConfigError. */
export function startAdminApi(): Promise<NestFastifyApplication> {
  const http = readHttpConfig();
  readDatabaseConfig();
  readAuthConfig();
  readWebhooksConfig();
  const content = readContentConfig();
  // The workbench's preview links open drafts on the delivery API, where sites reach it.
  const { publicUrl } = readDeliveryConfig();
  const workbench = loadWorkbenchFiles(process.env.WORKBENCH_DIR || defaultWorkbenchDir(), publicUrl);
  return createHttpApp({
    module: AdminApiModule,
    http,
    port: http.adminPort,
    prefix: 'admin/v1',
    versionEtags: true,
    docs: {
      path: 'admin/docs',
      title: 'Kalam admin API',
      description: 'Manage users, locales and content. Sign in with POST /admin/v1/auth/login and send the token as a bearer token.',
      bearer: true,
      extraModels: CONTENT_REFERENCED_SCHEMAS,
    },
    // Uploads stream through @fastify/multipart; the JSON body limit does not apply to them.
    configure: async (app) => {
      await app.register(multipart, { limits: { fileSize: content.mediaMaxBytes, files: 1 } });
      serveWorkbench(app, workbench, publicUrl);
    },
  });
}
