import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** Who did what to which thing, and when. Append-only. */
@Entity({ name: 'audit_event' })
@Index('audit_event_subject_idx', ['subjectType', 'subjectId'])
@Index('audit_event_action_idx', ['action', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('audit_event_occurred_at_idx')
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @ForeignKey(() => UserEntity, { name: 'audit_event_actor_fk', onDelete: 'SET NULL' })
  @Index('audit_event_actor_idx')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 50, nullable: true })
  subjectType: string | null;

  @Column({ name: 'subject_id', type: 'varchar', length: 100, nullable: true })
  subjectId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  // `any`, not `unknown`: TypeORM's insert typing cannot express unknown-valued jsonb.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  details: Record<string, any>;
}
