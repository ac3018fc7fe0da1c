import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** The job queue, for apps that enqueue jobs (admin API) or work them (worker). */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
