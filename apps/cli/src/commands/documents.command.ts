import { KalamLogger } from '@kalam/core';
import { DocumentsService } from '@kalam/delivery';
import { openDatabase } from '../database-session';
import { withCliContext } from '../setup';

/**
 * `kalam documents:render [--all]`: renders the delivery read model where it is missing or behind
 * (the worker does this at start too); `--all` re-renders every live article, e.g. after changing
 * PUBLIC_URL or ARTICLE_URL, which are written into documents.
 */
export async function documentsRenderCommand(options: { all?: boolean }): Promise<void> {
  const logger = new KalamLogger('documents');
  const database = await openDatabase((line) => logger.log(line));
  try {
    const started = Date.now();
    const count = await withCliContext(database.url, (app) => {
      const documents = app.get(DocumentsService);
      return options.all ? documents.renderAll() : documents.renderMissing();
    });
    logger.log(`rendered the documents of ${count} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}
