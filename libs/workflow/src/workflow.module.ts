import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@kalam/auth';
import { ContentModule } from '@kalam/content';
import { JobsModule } from '@kalam/database';
import { LocalesModule } from '@kalam/i18n';
import { CommentsService } from './comments/comments.service';
import { ReviewCommentEntity } from './comments/review-comment.entity';
import { DraftHooks } from './drafts/draft-hooks';
import { DraftsService } from './drafts/drafts.service';
import { ContentEvents } from './outbox/content-events';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { RevisionsService } from './revisions/revisions.service';
import { TransitionHooks } from './transitions/transition-hooks';
import { TransitionsService } from './transitions/transitions.service';
import { ScheduledTransitionsRunner } from './scheduling/scheduled-transitions.runner';

const SERVICES = [TransitionHooks, DraftHooks, RevisionsService, DraftsService, CommentsService, TransitionsService, ScheduledTransitionsRunner, ContentEvents];

/** The editorial workflow: saving drafts with revisions, review, publishing, comments. */
@Module({
  imports: [TypeOrmModule.forFeature([ReviewCommentEntity, OutboxEventEntity]), ContentModule, LocalesModule, AuthModule, JobsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class WorkflowModule {}
