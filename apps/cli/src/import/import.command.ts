import { SingleBar, Presets } from 'cli-progress';
import type { INestApplicationContext } from '@nestjs/common';
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { KalamError, KalamLogger } from '@kalam/core';
import { Messages } from '@kalam/i18n';
import { openDatabase } from '../database-session';
import { setUpDatabase, withCliContext } from '../setup';
import { ImportFileError, parseImportFile, type ImportDocument } from './import-document';
import { Importer, type ImportOutcome } from './importer';

async function markdownFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new Error(`${target} does not exist`);
  if (info.isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))
    .sort();
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: string[];
}

/** Imports every Markdown file under `target` into the database at `url`; source texts before translations. */
export async function importPath(url: string, target: string, options: { progress: boolean }): Promise<ImportSummary> {
  const files = await markdownFiles(target);
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, failed: [] };
  const documents: ImportDocument[] = [];
  for (const file of files) {
    try {
      documents.push(parseImportFile(path.relative(process.cwd(), file) || file, await readFile(file, 'utf8')));
    } catch (error) {
      summary.failed.push(error instanceof Error ? error.message : String(error));
    }
  }
  documents.sort((a, b) => Number(Boolean(a.translationOf)) - Number(Boolean(b.translationOf)));

  await withCliContext(url, async (app) => {
    // Imported content is recorded as created by the first admin, or by nobody on an empty system.
    const importer = new Importer(app, { id: await firstAdminId(app), role: 'admin', locales: [] });
    const bar = options.progress ? new SingleBar({ format: 'importing |{bar}| {value}/{total} {file}', hideCursor: true }, Presets.shades_classic) : null;
    bar?.start(documents.length, 0, { file: '' });
    for (const document of documents) {
      bar?.increment(0, { file: document.file });
      try {
        const outcome: ImportOutcome = await importer.import(document);
        summary[outcome] += 1;
      } catch (error) {
        const reason =
          error instanceof KalamError
            ? app.get(Messages).t('en', `errors.${error.code}`, error.params)
            : error instanceof Error
              ? error.message
              : String(error);
        summary.failed.push(error instanceof ImportFileError ? reason : `${document.file}: ${reason}`);
      }
      bar?.increment(1);
    }
    bar?.stop();
  });
  return summary;
}

async function firstAdminId(app: INestApplicationContext): Promise<string | null> {
  const admin = await app
    .get(DataSource)
    .getRepository(UserEntity)
    .findOne({ where: { role: 'admin', active: true }, order: { createdAt: 'ASC' } });
  return admin?.id ?? null;
}

/** `npm run cms -- import PATH` */
export async function importCommand(target: string): Promise<void> {
  const logger = new KalamLogger('import');
  const database = await openDatabase((line) => logger.log(line));
  try {
    await setUpDatabase(database.url, logger);
    const summary = await importPath(database.url, path.resolve(target), { progress: true });
    logger.log(`created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}`);
    for (const failure of summary.failed) logger.error(failure);
    if (summary.failed.length) throw new Error(`${summary.failed.length} file(s) could not be imported`);
  } finally {
    await database.close();
  }
}
