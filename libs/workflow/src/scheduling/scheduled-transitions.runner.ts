import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Editor } from '@kalam/auth';
import { ARTICLE_TEXT, TranslatableWriter } from '@kalam/content';
import { JobQueue } from '@kalam/database';
import { applyTransition } from '../transitions/translation-state-machine';
import { stateOf, TransitionsService, type ScheduledTransition } from '../transitions/transitions.service';

/** Scheduled steps are taken by the system, at the time an editor who was allowed to chose. */
const SYSTEM: Editor = { id: null, role: 'admin', locales: [] };

/**
 * Performs scheduled publishes and unpublishes when their time comes (run by the worker). Exactly
 * once, even with several workers and retried jobs: each job runs under the article's lock and
 * acts only if the translation still carries the time the job was made for; acting clears it.
 */
@Injectable()
export class ScheduledTransitionsRunner {
  private readonly logger = new Logger(ScheduledTransitionsRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: TranslatableWriter,
    private readonly transitions: TransitionsService,
    private readonly jobs: JobQueue,
  ) {}

  start(pollingSeconds = 1): Promise<void> {
    return this.jobs.work<ScheduledTransition>('translation-schedule', async (job) => void (await this.run(job)), pollingSeconds);
  }

  /** True when the step was taken; false when the schedule changed or the step no longer applies. */
  run(job: ScheduledTransition): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const article = await manager
        .getRepository(ARTICLE_TEXT.parent)
        .createQueryBuilder('a')
        .setLock('for_no_key_update')
        .where('a.id = :id', { id: job.articleId })
        .getOne();
      const current = article && (await this.writer.find(manager, ARTICLE_TEXT, job.articleId, job.locale));
      if (!article || !current) return false;
      const due = job.transition === 'publish' ? current.publishAt : current.unpublishAt;
      if (!due || due.toISOString() !== job.at) return false;
      if (!applyTransition(stateOf(current), job.transition)) {
        // Changed since it was scheduled (edited back to draft, unpublished by hand…): forget the time.
        const fields = job.transition === 'publish' ? { publishAt: null } : { unpublishAt: null };
        await this.writer.upsert(manager, ARTICLE_TEXT, job.articleId, job.locale, { fields }, null, `${job.transition}_schedule_dropped`, {
          at: job.at,
          status: current.status,
        });
        return false;
      }
      await this.transitions.applyLocked(manager, article, current, job.transition, SYSTEM);
      this.logger.log(`${job.transition} of ${job.articleId}/${job.locale} scheduled for ${job.at} done`);
      return true;
    });
  }
}
