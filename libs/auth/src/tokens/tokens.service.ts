import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, LessThan, Repository, type EntityManager } from 'typeorm';
import { KalamError, recordAudit } from '@kalam/core';
import { UserEntity } from '../users/user.entity';
import { ApiTokenEntity, type TokenKind } from './api-token.entity';

const PREFIX = 'klm_';
// base64url of 32 random bytes is 43 characters.
const TOKEN_SHAPE = /^klm_[A-Za-z0-9_-]{43}$/;

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface IssuedToken {
  token: ApiTokenEntity;
  secret: string;
}

@Injectable()
export class TokensService {
  constructor(@InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>) {}

  /** A new token; API and preview tokens are audited (sessions are, as logins, by AuthService). */
  async issue(userId: string, kind: TokenKind, options: { name?: string; ttlSeconds?: number; manager?: EntityManager } = {}): Promise<IssuedToken> {
    const secret = PREFIX + randomBytes(32).toString('base64url');
    const write = async (manager: EntityManager) => {
      const repo = manager.getRepository(ApiTokenEntity);
      const token = await repo.save(
        repo.create({
          userId,
          kind,
          name: options.name ?? null,
          tokenHash: hashToken(secret),
          expiresAt: options.ttlSeconds ? new Date(Date.now() + options.ttlSeconds * 1000) : null,
        }),
      );
      if (kind !== 'session') {
        await recordAudit(manager, {
          actorId: userId,
          action: 'token.created',
          subjectType: 'token',
          subjectId: token.id,
          details: { kind, name: token.name, expiresAt: token.expiresAt },
        });
      }
      return { token, secret };
    };
    return options.manager ? write(options.manager) : this.tokens.manager.transaction(write);
  }

  /**
   * The active user behind a bearer secret, in one indexed query. Malformed, unknown, expired and
   * revoked tokens, and tokens of disabled users, are all the same 401 to the caller.
   */
  async authenticate(secret: string): Promise<{ user: UserEntity; token: ApiTokenEntity }> {
    if (!TOKEN_SHAPE.test(secret)) throw KalamError.unauthorized('auth.invalid_token');
    const token = await this.tokens
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.token_hash = :hash', { hash: hashToken(secret) })
      .andWhere('t.revoked_at IS NULL')
      .andWhere('(t.expires_at IS NULL OR t.expires_at > now())')
      .andWhere('u.active')
      .getOne();
    if (!token?.user) throw KalamError.unauthorized('auth.invalid_token');
    // Recording use costs a write; once a minute per token is precise enough.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      void this.tokens.update({ id: token.id }, { lastUsedAt: new Date() }).catch(() => undefined);
    }
    return { user: token.user, token };
  }

  listForUser(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  async revoke(userId: string, tokenId: string): Promise<boolean> {
    return this.tokens.manager.transaction(async (manager) => {
      const result = await manager.update(ApiTokenEntity, { id: tokenId, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (result.affected) await recordAudit(manager, { actorId: userId, action: 'token.revoked', subjectType: 'token', subjectId: tokenId });
      return Boolean(result.affected);
    });
  }

  /** Every token of the user: sessions, and the API and preview tokens a session could have minted. */
  async revokeAll(userId: string, manager?: EntityManager): Promise<void> {
    const repo = manager?.getRepository(ApiTokenEntity) ?? this.tokens;
    await repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Deletes tokens that expired or were revoked more than a day ago; returns how many. */
  async purgeExpired(): Promise<number> {
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    const expired = await this.tokens.delete({ expiresAt: LessThan(dayAgo) });
    const revoked = await this.tokens.delete({ revokedAt: LessThan(dayAgo) });
    return (expired.affected ?? 0) + (revoked.affected ?? 0);
  }
}
