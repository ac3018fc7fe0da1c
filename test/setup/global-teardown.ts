import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__KALAM_TEST_PG__?.stop();
  if (process.env.KALAM_TEST_DATA_DIR) await rm(process.env.KALAM_TEST_DATA_DIR, { recursive: true, force: true });
}
