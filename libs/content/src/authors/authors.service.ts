import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { assertIfMatchWhenGiven, escapeLike, isForeignKeyViolation, isUniqueViolation, KalamError, recordAudit } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { canDeleteRecord, canEditRecordLocale, canManageRecord, type Editor } from '@kalam/auth';
import { pageWindow, type Page, type SearchPageQueryDto } from '../common/pagination';
import { insertWithUniqueSlug } from '../common/unique-slug';
import { TranslatableWriter } from '../translatable/translatable-writer';
import { AUTHOR_TEXT } from './author-text';
import { AuthorTranslationEntity } from './author-translation.entity';
import { AuthorEntity } from './author.entity';
import type { CreateAuthorDto, PutAuthorTranslationDto, UpdateAuthorDto } from './dto/author.dto';
import { ContentChangeHooks } from '../common/content-change-hooks';

@Injectable()
export class AuthorsService {
  constructor(
    @InjectRepository(AuthorEntity) private readonly authors: Repository<AuthorEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locales: LocalesService,
    private readonly writer: TranslatableWriter,
    private readonly changes: ContentChangeHooks,
  ) {}

  async list(query: SearchPageQueryDto): Promise<Page<AuthorEntity>> {
    const { page, limit, offset } = pageWindow(query);
    const qb = this.authors
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.translations', 't')
      .orderBy('a.name', 'ASC')
      .addOrderBy('a.id')
      .skip(offset)
      .take(limit);
    // Filters go through EXISTS so they choose authors without trimming the translations returned.
    if (query.q) {
      qb.andWhere('(a.name ILIKE :q OR a.slug ILIKE :q OR EXISTS (SELECT 1 FROM author_translation f WHERE f.author_id = a.id AND f.display_name ILIKE :q))', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    if (query.locale) qb.andWhere('EXISTS (SELECT 1 FROM author_translation l WHERE l.author_id = a.id AND l.locale = :locale)', { locale: query.locale });
    const [items, total] = await qb.getManyAndCount();
    return { items, page, limit, total };
  }

  async get(id: string): Promise<AuthorEntity> {
    const author = await this.authors.findOne({ where: { id }, relations: { translations: true }, order: { translations: { locale: 'ASC' } } });
    if (!author) throw KalamError.notFound('author.not_found', { id });
    return author;
  }

  findBySlug(slug: string): Promise<AuthorEntity | null> {
    return this.authors.findOne({ where: { slug }, relations: { translations: true } });
  }

  async create(input: CreateAuthorDto, user: Editor): Promise<AuthorEntity> {
    const id = await this.dataSource.transaction(async (manager) => {
      let id = '';
      const slug = await insertWithUniqueSlug(
        manager,
        {
          given: input.slug,
          title: input.name,
          locale: 'en',
          isTaken: (candidate) => manager.existsBy(AuthorEntity, { slug: candidate }),
          code: 'author.slug_taken',
          fallback: 'author',
          uniqueIndex: 'author_slug_uq',
        },
        async (candidate) => {
          id = (await manager.insert(AuthorEntity, { slug: candidate, name: input.name, createdBy: user.id })).identifiers[0].id as string;
        },
      );
      await recordAudit(manager, { actorId: user.id, action: 'author.created', subjectType: 'author', subjectId: id, details: { slug, name: input.name } });
      return id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateAuthorDto, expectedVersion: number | undefined, user: Editor): Promise<AuthorEntity> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.writer.lockSharedFor(manager, AUTHOR_TEXT, id, user, canManageRecord);
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
      if (expectedVersion !== current.version) throw KalamError.preconditionFailed(expectedVersion, current.version);
      const changes: Partial<AuthorEntity> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.slug !== undefined && input.slug !== current.slug) {
        if (await manager.existsBy(AuthorEntity, { slug: input.slug })) throw KalamError.conflict('author.slug_taken', { slug: input.slug });
        changes.slug = input.slug;
      }
      try {
        await manager.update(AuthorEntity, { id }, { ...changes, version: () => 'version + 1' });
      } catch (error) {
        if (isUniqueViolation(error, 'author_slug_uq')) throw KalamError.conflict('author.slug_taken', { slug: input.slug });
        throw error;
      }
      await recordAudit(manager, {
        actorId: user.id,
        action: 'author.updated',
        subjectType: 'author',
        subjectId: id,
        details: { ...changes, version: current.version + 1 },
      });
      await this.changes.run({ manager, kind: 'author', id });
    });
    return this.get(id);
  }

  /** Refused while an article names the author. */
  async remove(id: string, user: Editor, expectedVersion?: number): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const author = await this.writer.lockSharedFor(manager, AUTHOR_TEXT, id, user, canDeleteRecord);
        assertIfMatchWhenGiven(expectedVersion, author.version);
        const [{ n }]: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM article_author WHERE author_id = $1', [id]);
        if (n > 0) throw KalamError.conflict('author.in_use', { count: n });
        await manager.delete(AuthorEntity, { id });
        await recordAudit(manager, { actorId: user.id, action: 'author.deleted', subjectType: 'author', subjectId: id });
      });
    } catch (error) {
      // An article being created linked the author after the count; its link holds.
      if (isForeignKeyViolation(error)) throw KalamError.conflict('author.in_use', { count: 1 });
      throw error;
    }
  }

  /** Creates the locale's translation, or updates it when it exists (then If-Match is required). */
  async putTranslation(
    id: string,
    locale: string,
    input: PutAuthorTranslationDto,
    expectedVersion: number | undefined,
    user: Editor,
  ): Promise<{ translation: AuthorTranslationEntity; created: boolean }> {
    await this.locales.requireEnabled(locale);
    const fields = { displayName: input.displayName ?? null, title: input.title ?? null, bio: input.bio };
    return this.dataSource.transaction(async (manager) => {
      await this.writer.lockSharedFor(manager, AUTHOR_TEXT, id, user, (editor, record) => canEditRecordLocale(editor, record, locale), locale);
      const write = await this.writer.put(manager, AUTHOR_TEXT, id, locale, { fields }, expectedVersion, user.id);
      await this.changes.run({ manager, kind: 'author', id });
      return { translation: write.row, created: write.created };
    });
  }

  async removeTranslation(id: string, locale: string, user: Editor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.writer.lockSharedFor(manager, AUTHOR_TEXT, id, user, (editor, record) => canEditRecordLocale(editor, record, locale), locale);
      const result = await manager.delete(AuthorTranslationEntity, { authorId: id, locale });
      if (!result.affected) throw KalamError.notFound('translation.not_found', { locale });
      await recordAudit(manager, { actorId: user.id, action: 'author.translation.deleted', subjectType: 'author', subjectId: id, details: { locale } });
      await this.changes.run({ manager, kind: 'author', id });
    });
  }
}
