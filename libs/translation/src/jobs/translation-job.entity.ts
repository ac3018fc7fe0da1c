import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@kalam/auth';
import { ArticleEntity, RevisionEntity } from '@kalam/content';
import { LocaleEntity } from '@kalam/i18n';
import { JOB_KINDS, JOB_PRIORITIES, JOB_STATUSES, type JobKind, type JobPriority, type JobStatus } from './job-status';

/**
 * Work for one language: translate (`new`) or bring up to date (`update`) one article against one
 * source revision. Opened when the source goes live; at most one active per article and locale
 * (partial unique index), so republishing the source moves the active job on instead of adding one.
 */
@Entity({ name: 'translation_job' })
// Partial indexes (active jobs only); TypeORM cannot compare their predicates, so it keeps its hands off.
@Index('translation_job_active_uq', { synchronize: false })
@Index('translation_job_queue_idx', { synchronize: false })
@Index('translation_job_assignee_idx', { synchronize: false })
@Check('translation_job_claim_check', `"status" <> 'claimed' OR ("assignee_id" IS NOT NULL AND "claimed_until" IS NOT NULL)`)
export class TranslationJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => ArticleEntity, { name: 'translation_job_article_fk', onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @ForeignKey(() => LocaleEntity, { name: 'translation_job_locale_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'target_locale', type: 'varchar', length: 16 })
  targetLocale: string;

  @Column({ type: 'enum', enum: JOB_KINDS, enumName: 'translation_job_kind' })
  kind: JobKind;

  /** The source revision to translate: the source's live revision when the job was opened or last moved on. */
  @ForeignKey(() => RevisionEntity, { name: 'translation_job_source_revision_fk', onDelete: 'CASCADE' })
  @Column({ name: 'source_revision_id', type: 'uuid' })
  sourceRevisionId: string;

  @Column({ type: 'enum', enum: JOB_STATUSES, enumName: 'translation_job_status', default: 'open' })
  status: JobStatus;

  @ForeignKey(() => UserEntity, { name: 'translation_job_assignee_fk', onDelete: 'SET NULL' })
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'enum', enum: JOB_PRIORITIES, enumName: 'translation_job_priority', default: 'normal' })
  priority: JobPriority;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** Optimistic-lock counter for editors' changes (assignee, priority, due date). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** When the job last started waiting (opened, or reopened after a translation went live on stale text): its age in the queue. */
  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
