import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { KalamError } from '@kalam/core';
import { AuditService } from './audit/audit.service';
import { authConfig, type AuthConfig } from './auth.config';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords/password-hasher';
import { TokensService } from './tokens/tokens.service';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly tokens: TokensService,
    private readonly usersService: UsersService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, ip: string | undefined): Promise<LoginResult> {
    const normalized = email.trim().toLowerCase();
    const user = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email: normalized }).getOne();
    // Verify against a dummy hash when the user is unknown, so the answer takes as long either way.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !valid) {
      await this.audit.record({
        actorId: user?.id ?? null,
        ip,
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user?.id,
        details: { email: normalized },
      });
      throw KalamError.unauthorized('auth.invalid_credentials');
    }
    if (!user.active) throw KalamError.unauthorized('auth.account_disabled');

    const changes: Partial<UserEntity> = { lastLoginAt: new Date() };
    if (needsRehash(user.passwordHash)) changes.passwordHash = await hashPassword(password);
    await this.users.update({ id: user.id }, changes);
    const { secret } = await this.tokens.issue(user.id, 'session', { ttlSeconds: this.config.sessionTtlSeconds });
    await this.audit.record({ actorId: user.id, ip, action: 'auth.login', subjectType: 'user', subjectId: user.id });
    return { accessToken: secret, tokenType: 'Bearer', expiresIn: this.config.sessionTtlSeconds };
  }

  /** Creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD when the users table is empty. */
  async ensureBootstrapAdmin(): Promise<UserEntity | null> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.usersService.count()) > 0) return null;
    return this.usersService.create({ email: admin.email, password: admin.password, role: 'admin', locales: [] }, { id: null });
  }
}
