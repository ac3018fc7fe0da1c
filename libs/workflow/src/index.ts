export { WorkflowModule } from './workflow.module';
export {
  TRANSITIONS,
  isTransition,
  allowedTransitions,
  applyTransition,
  type Transition,
  type TranslationState,
} from './transitions/translation-state-machine';
export { TransitionsService, stateOf, type TransitionInput, type TransitionResult, type ScheduledTransition } from './transitions/transitions.service';
export { DraftsService, type SavedDraft } from './drafts/drafts.service';
export { RevisionsService } from './revisions/revisions.service';
export { diffRevisions, type RevisionDiff } from './revisions/revision-diff';
export { CommentsService } from './comments/comments.service';
export { CreateCommentDto, ReplyCommentDto, CommentResponseDto } from './comments/dto/comment.dto';
export { ReviewCommentEntity } from './comments/review-comment.entity';
export { OutboxEventEntity } from './outbox/outbox-event.entity';
export { ScheduledTransitionsRunner } from './scheduling/scheduled-transitions.runner';
export { TransitionHooks, type TransitionEvent, type TransitionHook } from './transitions/transition-hooks';
export { paragraphs } from './revisions/revision-diff';
export { hasUndispatched, recordOutbox, takeUndispatched, type DispatchedEvent, type OutboxEventType } from './outbox/record-outbox';
export { DraftHooks, type DraftSaveEvent, type DraftSaveCheck, type DraftSavedHook } from './drafts/draft-hooks';
export { draftInput, textDiffers, type StoredText } from './drafts/draft-text';
