import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { isUniqueViolation, KalamError, recordAudit, updateVersioned } from '@kalam/core';
import type { CreateLocaleDto } from './dto/create-locale.dto';
import type { UpdateLocaleDto } from './dto/update-locale.dto';
import { fallbackChain } from './fallback-chain';
import { LocaleChangeHooks } from './locale-change-hooks';
import { LocaleEntity } from './locale.entity';

@Injectable()
export class LocalesService {
  constructor(
    @InjectRepository(LocaleEntity) private readonly locales: Repository<LocaleEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: LocaleChangeHooks,
  ) {}

  list(options: { enabledOnly?: boolean } = {}): Promise<LocaleEntity[]> {
    return this.locales.find({ where: options.enabledOnly ? { enabled: true } : {}, order: { position: 'ASC', code: 'ASC' } });
  }

  /** Every locale with its fallback chain, from one query. */
  async listWithChains(): Promise<{ locale: LocaleEntity; chain: string[] }[]> {
    const all = await this.list();
    return all.map((locale) => ({ locale, chain: fallbackChain(locale.code, all) ?? [locale.code] }));
  }

  /**
   * The locale if it exists and is enabled; otherwise a 404 that lists the enabled ones. Inside a
   * transaction pass its manager: a second connection taken while holding one can starve the pool.
   */
  async requireEnabled(code: string, manager?: EntityManager): Promise<LocaleEntity> {
    const locale = await (manager?.getRepository(LocaleEntity) ?? this.locales).findOneBy({ code, enabled: true });
    if (!locale) throw await this.notEnabled(code, manager);
    return locale;
  }

  /** `actorId` is recorded in the audit log with the change (null for the system). */
  async create(input: CreateLocaleDto, actorId: string | null = null): Promise<LocaleEntity> {
    const fallback = input.fallback ?? null;
    const textSearchConfig = input.textSearchConfig ?? 'simple';
    await this.assertTextSearchConfig(textSearchConfig);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(LocaleEntity);
        // The fallback is share-locked, so it cannot be removed before this locale points at it.
        if (fallback && !(await repo.createQueryBuilder('l').setLock('for_key_share').where('l.code = :fallback', { fallback }).getOne())) {
          throw KalamError.unprocessable('locale.unknown_fallback', { fallback });
        }
        // insert, not save: save() would quietly overwrite an existing locale with the same code.
        await repo.insert({
          code: input.code,
          name: input.name,
          nativeName: input.nativeName,
          fallbackCode: fallback,
          textSearchConfig,
          textDirection: input.textDirection ?? 'ltr',
          enabled: input.enabled ?? true,
          position: input.position ?? (await repo.count()),
        });
        await recordAudit(manager, { actorId, action: 'locale.created', subjectType: 'locale', subjectId: input.code, details: { ...input } });
        return repo.findOneByOrFail({ code: input.code });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'locale_pk')) {
        throw KalamError.conflict('locale.exists', { locale: input.code });
      }
      throw error;
    }
  }

  async update(code: string, input: UpdateLocaleDto, expectedVersion: number | undefined, actorId: string | null = null): Promise<LocaleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(LocaleEntity);
      // Lock the registry so two concurrent fallback edits cannot form a loop between them.
      const all = await repo.createQueryBuilder('l').setLock('pessimistic_write').getMany();
      const current = all.find((locale) => locale.code === code);
      if (!current) throw await this.notEnabled(code);
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);

      const changes: Partial<LocaleEntity> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.nativeName !== undefined) changes.nativeName = input.nativeName;
      if (input.textDirection !== undefined) changes.textDirection = input.textDirection;
      if (input.position !== undefined) changes.position = input.position;
      if (input.textSearchConfig !== undefined) {
        await this.assertTextSearchConfig(input.textSearchConfig);
        changes.textSearchConfig = input.textSearchConfig;
      }
      if (input.fallback !== undefined) {
        const fallback = input.fallback;
        if (fallback && !all.some((locale) => locale.code === fallback)) throw KalamError.unprocessable('locale.unknown_fallback', { fallback });
        const proposed = all.map((locale) => (locale.code === code ? { code, fallbackCode: fallback } : locale));
        if (fallback && fallbackChain(code, proposed) === null) {
          throw KalamError.unprocessable('locale.fallback_cycle', { chain: [code, fallback, '…'].join(' → ') });
        }
        changes.fallbackCode = fallback;
      }
      if (input.enabled === false && current.enabled && all.filter((locale) => locale.enabled).length === 1) {
        throw KalamError.conflict('locale.last_enabled');
      }
      if (input.enabled !== undefined) changes.enabled = input.enabled;

      const result = await updateVersioned(manager, LocaleEntity, { code }, expectedVersion, changes);
      if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
      if (result.outcome === 'missing') throw await this.notEnabled(code);
      await recordAudit(manager, {
        actorId,
        action: 'locale.updated',
        subjectType: 'locale',
        subjectId: code,
        details: { ...input, version: result.row.version },
      });
      await this.changes.run({ manager, code });
      return result.row;
    });
  }

  private async assertTextSearchConfig(config: string): Promise<void> {
    const rows: { cfgname: string }[] = await this.dataSource.query('SELECT cfgname FROM pg_ts_config ORDER BY cfgname');
    if (!rows.some((row) => row.cfgname === config)) {
      throw KalamError.unprocessable('locale.unknown_text_search_config', { config, available: rows.map((r) => r.cfgname).join(', ') });
    }
  }

  private async notEnabled(code: string, manager?: EntityManager): Promise<KalamError> {
    const repo = manager?.getRepository(LocaleEntity) ?? this.locales;
    const enabled = (await repo.find({ where: { enabled: true }, order: { position: 'ASC', code: 'ASC' } })).map((locale) => locale.code);
    return KalamError.notFound('locale.not_found', { locale: code, enabled: enabled.join(', ') }, { enabled });
  }
}
