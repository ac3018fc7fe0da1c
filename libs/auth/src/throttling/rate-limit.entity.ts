import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One fixed-window counter per throttled client and route (see PostgresThrottlerStorage). */
@Entity({ name: 'rate_limit' })
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Index('rate_limit_window_ends_at_idx')
  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
