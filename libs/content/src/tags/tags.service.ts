import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { assertIfMatchWhenGiven, escapeLike, KalamError, recordAudit } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { assertLocaleScope, canDeleteRecord, canEditRecordLocale, type Editor } from '@kalam/auth';
import { pageWindow, type Page, type SearchPageQueryDto } from '../common/pagination';
import { TranslatableWriter } from '../translatable/translatable-writer';
import { TAG_TEXT } from './tag-text';
import { validateRecordValues } from '../common/validate-record';
import { TagTranslationInputDto } from './dto/tag.dto';
import { TagTranslationEntity } from './tag-translation.entity';
import { TagEntity } from './tag.entity';
import { ContentChangeHooks } from '../common/content-change-hooks';

@Injectable()
export class TagsService {
  constructor(
    @InjectRepository(TagEntity) private readonly tags: Repository<TagEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locales: LocalesService,
    private readonly writer: TranslatableWriter,
    private readonly changes: ContentChangeHooks,
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
    // In locale order, so two creates naming the same locales take their slug locks in the same order.
    const inputs = (await validateRecordValues(translations, TagTranslationInputDto, 'translations')).sort(([a], [b]) => a.localeCompare(b));
    for (const [locale] of inputs) await this.locales.requireEnabled(locale);
    assertLocaleScope(
      user,
      inputs.map(([locale]) => locale),
    );
    const id = await this.dataSource.transaction(async (manager) => {
      const id = (await manager.insert(TagEntity, { createdBy: user.id })).identifiers[0].id as string;
      await recordAudit(manager, {
        actorId: user.id,
        action: 'tag.created',
        subjectType: 'tag',
        subjectId: id,
        details: { locales: inputs.map(([locale]) => locale) },
      });
      for (const [locale, input] of inputs) await this.writer.upsert(manager, TAG_TEXT, id, locale, this.text(input), user.id);
      return id;
    });
    return this.get(id);
  }

  async putTranslation(
    id: string,
    locale: string,
    input: TagTranslationInputDto,
    expectedVersion: number | undefined,
    user: Editor,
  ): Promise<{ tag: TagEntity; created: boolean }> {
    await this.locales.requireEnabled(locale);
    const created = await this.dataSource.transaction(async (manager) => {
      await this.writer.lockSharedFor(manager, TAG_TEXT, id, user, (editor, record) => canEditRecordLocale(editor, record, locale), locale);
      const { created } = await this.writer.put(manager, TAG_TEXT, id, locale, this.text(input), expectedVersion, user.id);
      await this.changes.run({ manager, kind: 'tag', id });
      return created;
    });
    return { tag: await this.get(id), created };
  }

  async remove(id: string, user: Editor, expectedVersion?: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const tag = await this.writer.lockSharedFor(manager, TAG_TEXT, id, user, canDeleteRecord);
      assertIfMatchWhenGiven(expectedVersion, tag.version);
      await manager.delete(TagEntity, { id });
      await recordAudit(manager, { actorId: user.id, action: 'tag.deleted', subjectType: 'tag', subjectId: id });
      await this.changes.run({ manager, kind: 'tag', id });
    });
  }

  /**
   * Tags by id; unknown ids are a 422 naming them. The found tags are share-locked until the
   * caller's transaction ends, so none is deleted before it links them.
   */
  async requireAll(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!ids.length) return;
    const found: { id: string }[] = await manager.query('SELECT id FROM tag WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE', [[...ids]]);
    const missing = ids.filter((id) => !found.some((tag) => tag.id === id));
    if (missing.length) throw KalamError.unprocessable('article.unknown_tags', { ids: missing.join(', ') });
  }

  private text(input: TagTranslationInputDto) {
    return { fields: { name: input.name }, slug: { given: input.slug, title: input.name } };
  }
}
