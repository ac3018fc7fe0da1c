import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { isUniqueViolation, KalamError, updateVersioned } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../passwords/password-hasher';
import { TokensService } from '../tokens/tokens.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import type { Role } from './role';
import { UserEntity } from './user.entity';

export interface Actor {
  id: string | null;
  ip?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locales: LocalesService,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw KalamError.notFound('user.not_found', { id });
    return user;
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async create(input: CreateUserDto, actor: Actor): Promise<UserEntity> {
    const locales = input.locales ?? [];
    await this.assertLocales(input.role, locales);
    const passwordHash = await hashPassword(input.password);
    const email = input.email.trim().toLowerCase();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(UserEntity);
        const user = await repo.save(repo.create({ email, passwordHash, role: input.role, locales, displayName: input.displayName ?? null }));
        await this.audit.record(
          { actorId: actor.id, ip: actor.ip, action: 'user.created', subjectType: 'user', subjectId: user.id, details: { email, role: user.role, locales } },
          manager,
        );
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_uq')) {
        throw KalamError.conflict('user.email_taken', { email });
      }
      throw error;
    }
  }

  async update(id: string, input: UpdateUserDto, expectedVersion: number | undefined, actor: Actor): Promise<UserEntity> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      // The target and every active admin, locked in one statement in id order: two admins demoting
      // or disabling each other at once queue here instead of deadlocking, and the second sees the first's change.
      await manager.query(`SELECT id FROM users WHERE id = $1 OR (role = 'admin' AND active) ORDER BY id FOR UPDATE`, [id]);
      const current = await manager.getRepository(UserEntity).findOneBy({ id });
      if (!current) throw KalamError.notFound('user.not_found', { id });
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);

      const role = input.role ?? current.role;
      const locales = input.locales ?? current.locales;
      if (input.role !== undefined || input.locales !== undefined) await this.assertLocales(role, locales);
      const losesAdmin = current.role === 'admin' && current.active && (role !== 'admin' || input.active === false);
      if (losesAdmin) await this.assertAnotherAdmin(manager, id);

      const changes: Partial<UserEntity> = {};
      if (input.role !== undefined) changes.role = input.role;
      if (input.locales !== undefined) changes.locales = input.locales;
      if (input.displayName !== undefined) changes.displayName = input.displayName;
      if (input.active !== undefined) changes.active = input.active;
      if (passwordHash) changes.passwordHash = passwordHash;

      const result = await updateVersioned(manager, UserEntity, { id }, expectedVersion, changes);
      if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
      if (result.outcome === 'missing') throw KalamError.notFound('user.not_found', { id });
      // A new password or a disabled account ends every session, and revokes the tokens a stolen
      // session could have minted.
      if (passwordHash || input.active === false) await this.tokens.revokeAll(id, manager);
      const { password: _omitted, ...logged } = input;
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'user.updated',
          subjectType: 'user',
          subjectId: id,
          details: { ...logged, passwordChanged: Boolean(passwordHash) },
        },
        manager,
      );
      return result.row;
    });
  }

  /** Called with the admins already locked (see update), so two demotions cannot both see "another admin exists". */
  private async assertAnotherAdmin(manager: EntityManager, exceptId: string): Promise<void> {
    const others = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where("u.role = 'admin' AND u.active AND u.id <> :id", { id: exceptId })
      .getCount();
    if (others === 0) throw KalamError.conflict('user.last_admin');
  }

  private async assertLocales(role: Role, locales: string[]): Promise<void> {
    if (role === 'translator' && locales.length === 0) throw KalamError.unprocessable('user.translator_needs_locale');
    if (locales.length === 0) return;
    const known = new Set((await this.locales.list()).map((locale) => locale.code));
    const unknown = locales.filter((code) => !known.has(code));
    if (unknown.length) throw KalamError.unprocessable('user.unknown_locale', { locales: unknown.join(', '), known: [...known].join(', ') });
  }
}
