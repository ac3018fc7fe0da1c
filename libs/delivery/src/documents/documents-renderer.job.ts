import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@kalam/database';
import type { RenderJob } from './document-hooks';
import { DocumentsService } from './documents.service';

/** The worker's side: re-renders the documents showing an edited author, tag or media item. */
@Injectable()
export class DocumentsRendererJob {
  private readonly logger = new Logger(DocumentsRendererJob.name);

  constructor(
    private readonly documents: DocumentsService,
    private readonly jobs: JobQueue,
  ) {}

  /** Works the queue, and meanwhile catches up on anything live but not rendered (a database from before the read model). */
  async start(pollingSeconds = 1): Promise<void> {
    void this.documents.renderMissing().catch((error: Error) => this.logger.error(`rendering missing documents failed: ${error.message}`));
    await this.jobs.work<RenderJob>(
      'documents-render',
      async (job) => {
        if (job.kind === 'all') {
          this.logger.log(`re-rendered all ${await this.documents.renderAll()} live articles after a locale change`);
          return;
        }
        const count = await this.documents.renderShowing(job.kind, job.id);
        this.logger.log(`re-rendered ${count} articles showing ${job.kind} ${job.id}`);
      },
      pollingSeconds,
    );
  }
}
