import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity';

export const TOKEN_KINDS = ['session', 'api', 'preview'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** A bearer token. Only its SHA-256 is stored; the secret is shown once, when issued. */
@Entity({ name: 'api_token' })
@Index('api_token_expires_at_idx', ['expiresAt'], { where: '"expires_at" IS NOT NULL' })
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('api_token_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'api_token_user_fk' })
  user?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: TOKEN_KINDS, enumName: 'api_token_kind' })
  kind: TokenKind;

  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Index('api_token_hash_uq', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64, select: false })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
