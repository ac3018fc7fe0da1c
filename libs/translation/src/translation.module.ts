import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '@kalam/content';
import { LocalesModule } from '@kalam/i18n';
import { WorkflowModule } from '@kalam/workflow';
import { CoverageService } from './coverage/coverage.service';
import { JobTextService } from './jobs/job-text.service';
import { JobsLifecycle } from './jobs/jobs-lifecycle';
import { JobsService } from './jobs/jobs.service';
import { TranslationJobEntity } from './jobs/translation-job.entity';
import { MemoryService } from './memory/memory.service';
import { TranslationMemoryEntity } from './memory/translation-memory.entity';
import { QueuesService } from './queues/queues.service';
import { translationConfig } from './translation.config';
import { XliffService } from './xliff/xliff.service';

const SERVICES = [MemoryService, JobsService, JobTextService, QueuesService, CoverageService, XliffService];

/**
 * Translation work per language: jobs opened when a source goes live, queues, claims, the source
 * diff since a translation's base, XLIFF for CAT tools, and a translation memory of Kalam's own.
 */
@Module({
  imports: [
    ConfigModule.forFeature(translationConfig),
    TypeOrmModule.forFeature([TranslationJobEntity, TranslationMemoryEntity]),
    ContentModule,
    LocalesModule,
    WorkflowModule,
  ],
  providers: [...SERVICES, JobsLifecycle],
  exports: SERVICES,
})
export class TranslationModule {}
