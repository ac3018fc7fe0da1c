import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startAdminApi } from '../../apps/admin-api/src/bootstrap';
import { startDeliveryApi } from '../../apps/delivery-api/src/bootstrap';
import { startWorker } from '../../apps/worker/src/bootstrap';
import { UsersService, type Role, type UserEntity } from '@kalam/auth';
import { cloneTemplateDatabase } from '@kalam/database';
import { HttpClient } from './http-client';

export interface TestApp {
  app: NestFastifyApplication;
  http: HttpClient;
  databaseUrl: string;
  close(): Promise<void>;
}

const DEFAULT_ENV = {
  HOST: '127.0.0.1',
  ADMIN_PORT: '0',
  DELIVERY_PORT: '0',
  LOG_LEVEL: 'error',
  LOGIN_RATE_LIMIT: '1000',
  LOGIN_RATE_LIMIT_PER_ADDRESS: '10000',
};

/**
 * Boots a real app (the same bootstrap `npm start` runs) on a random port, against a database of
 * its own cloned from the migrated template.
 */
export async function startTestApp(kind: 'admin' | 'delivery', env: Record<string, string> = {}, databaseUrl?: string): Promise<TestApp> {
  const database = databaseUrl ? null : await cloneTemplateDatabase(process.env.KALAM_TEST_PG_URL!);
  const saved = { ...process.env };
  Object.assign(process.env, DEFAULT_ENV, env, { DATABASE_URL: databaseUrl ?? database!.url });
  try {
    const app = kind === 'admin' ? await startAdminApi() : await startDeliveryApi();
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return {
      app,
      http: new HttpClient(url),
      databaseUrl: process.env.DATABASE_URL!,
      close: async () => {
        await app.close();
        await database?.drop();
      },
    };
  } finally {
    process.env = saved;
  }
}

let counter = 0;
export const TEST_PASSWORD = 'correct-horse-battery';

export async function createUser(app: INestApplicationContext, role: Role, locales: string[] = [], email?: string): Promise<UserEntity> {
  counter += 1;
  return app.get(UsersService).create({ email: email ?? `${role}${counter}@example.org`, password: TEST_PASSWORD, role, locales }, { id: null });
}

/** A user of the role, signed in through the real login endpoint; returns the bearer token. */
export async function signIn(test: TestApp, role: Role, locales: string[] = []): Promise<{ token: string; user: UserEntity }> {
  const user = await createUser(test.app, role, locales);
  const response = await test.http.post('/admin/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
  return { token: response.body.accessToken, user };
}

/** Boots a worker (the same bootstrap `npm start` runs) against `databaseUrl`, in this process. */
export async function startTestWorker(databaseUrl: string, env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const saved = { ...process.env };
  Object.assign(process.env, DEFAULT_ENV, env, { DATABASE_URL: databaseUrl });
  try {
    return await startWorker();
  } finally {
    process.env = saved;
  }
}
