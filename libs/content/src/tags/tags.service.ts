import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { escapeLike, isUniqueViolation, KalamError, updateVersioned } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { assertLocaleScope, type Editor } from '../articles/article-permissions';
import { pageWindow, type Page, type SearchPageQueryDto } from '../common/pagination';
import { chooseSlug } from '../common/unique-slug';
import { validateRecordValues } from '../common/validate-record';
import { TagTranslationInputDto } from './dto/tag.dto';
import { TagTranslationEntity } from './tag-translation.entity';
import { TagEntity } from './tag.entity';

@Injectable()
export class TagsService {
  constructor(
    @InjectRepository(TagEntity) private readonly tags: Repository<TagEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locales: LocalesService,
  ) {}

  async list(query: SearchPageQueryDto): Promise<Page<TagEntity>> {
    const { page, limit, offset } = pageWindow(query);
    const ids = this.tags.createQueryBuilder('tag').select('tag.id').innerJoin('tag.translations', 'f');
    if (query.locale) ids.andWhere('f.locale = :locale', { locale: query.locale });
    if (query.q) ids.andWhere('f.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const qb = this.tags
      .createQueryBuilder('tag')
      .leftJoinAndSelect('tag.translations', 't')
      .where(`tag.id IN (${ids.getQuery()})`)
      .setParameters(ids.getParameters())
      .orderBy('tag.createdAt', 'DESC')
      .addOrderBy('tag.id')
      .skip(offset)
      .take(limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, page, limit, total };
  }

  async get(id: string): Promise<TagEntity> {
    const tag = await this.tags.findOne({ where: { id }, relations: { translations: true } });
    if (!tag) throw KalamError.notFound('tag.not_found', { id });
    return tag;
  }

  async findBySlug(locale: string, slug: string): Promise<TagEntity | null> {
    const translation = await this.dataSource.manager.findOneBy(TagTranslationEntity, { locale, slug });
    return translation ? this.get(translation.tagId) : null;
  }

  async create(translations: Record<string, unknown>, user: Editor): Promise<TagEntity> {
    const entries = Object.entries(translations);
    if (!entries.length) throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'translations', code: 'validation.isNotEmpty' }]);
    const inputs = await validateRecordValues(translations, TagTranslationInputDto, 'translations');
    for (const [locale] of inputs) await this.locales.requireEnabled(locale);
    assertLocaleScope(user, inputs.map(([locale]) => locale));
    const id = await this.dataSource.transaction(async (manager) => {
      const tag = await manager.getRepository(TagEntity).save(manager.getRepository(TagEntity).create({}));
      for (const [locale, input] of inputs) await this.insertTranslation(manager, tag.id, locale, input);
      return tag.id;
    });
    return this.get(id);
  }

  async putTranslation(id: string, locale: string, input: TagTranslationInputDto, expectedVersion: number | undefined, user: Editor): Promise<TagEntity> {
    await this.locales.requireEnabled(locale);
    assertLocaleScope(user, [locale]);
    await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(TagTranslationEntity);
      const current = await repo.findOneBy({ tagId: id, locale });
      if (!current) return this.insertTranslation(manager, id, locale, input);
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
      const slug = input.slug ?? current.slug;
      try {
        const result = await updateVersioned(manager, TagTranslationEntity, { tagId: id, locale }, expectedVersion, { name: input.name, slug });
        if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
      } catch (error) {
        if (isUniqueViolation(error)) throw KalamError.conflict('tag.slug_taken', { slug, locale });
        throw error;
      }
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const result = await this.tags.delete({ id });
    if (!result.affected) throw KalamError.notFound('tag.not_found', { id });
  }

  /** Tags by id; unknown ids are a 422 naming them. */
  async requireAll(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!ids.length) return;
    const found = await manager.getRepository(TagEntity).createQueryBuilder('t').select('t.id').where('t.id IN (:...ids)', { ids }).getMany();
    const missing = ids.filter((id) => !found.some((tag) => tag.id === id));
    if (missing.length) throw KalamError.unprocessable('article.unknown_tags', { ids: missing.join(', ') });
  }

  private async insertTranslation(manager: EntityManager, tagId: string, locale: string, input: TagTranslationInputDto): Promise<void> {
    const repo = manager.getRepository(TagTranslationEntity);
    const slug = await chooseSlug(input.slug, input.name, locale, (s) => repo.existsBy({ locale, slug: s }), 'tag.slug_taken', 'tag');
    try {
      await repo.insert({ tagId, locale, name: input.name, slug });
    } catch (error) {
      if (isUniqueViolation(error)) throw KalamError.conflict('tag.slug_taken', { slug, locale });
      throw error;
    }
  }
}
