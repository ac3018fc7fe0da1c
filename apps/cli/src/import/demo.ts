import * as path from 'node:path';
import { envBool, KalamLogger, projectRoot } from '@kalam/core';
import { openDatabase } from '../database-session';
import { setUpDatabase } from '../setup';
import { importPath } from './import.command';

export const DEMO_DIR = path.join(projectRoot(), 'demo');

/** Loads the demo articles in demo/ through the importer; safe to run again. */
export async function loadDemo(url: string, logger: KalamLogger): Promise<void> {
  const summary = await importPath(url, DEMO_DIR, { progress: false });
  logger.log(`demo content: created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`);
  if (summary.failed.length) throw new Error(`demo content failed to load: ${summary.failed.join('; ')}`);
}

export async function demoLoadCommand(): Promise<void> {
  const logger = new KalamLogger('demo');
  const database = await openDatabase((line) => logger.log(line));
  try {
    await setUpDatabase(database.url, logger);
    await loadDemo(database.url, logger);
  } finally {
    await database.close();
  }
}

/**
 * KALAM_DEMO unset: load the demo on the first start, when the database was empty. true: load it
 * (idempotently) on every start. false: never.
 */
export async function loadDemoIfWanted(url: string, fresh: boolean, logger: KalamLogger): Promise<void> {
  const wanted = envBool(process.env, 'KALAM_DEMO');
  if (wanted === false || (wanted === undefined && !fresh)) return;
  await loadDemo(url, logger);
}
