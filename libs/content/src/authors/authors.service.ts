import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { escapeLike, isForeignKeyViolation, isUniqueViolation, KalamError, updateVersioned } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { assertLocaleScope, type Editor } from '../articles/article-permissions';
import { pageWindow, type Page, type SearchPageQueryDto } from '../common/pagination';
import { chooseSlug } from '../common/unique-slug';
import { AuthorTranslationEntity } from './author-translation.entity';
import { AuthorEntity } from './author.entity';
import type { CreateAuthorDto, PutAuthorTranslationDto, UpdateAuthorDto } from './dto/author.dto';

@Injectable()
export class AuthorsService {
  constructor(
    @InjectRepository(AuthorEntity) private readonly authors: Repository<AuthorEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locales: LocalesService,
  ) {}

  async list(query: SearchPageQueryDto): Promise<Page<AuthorEntity>> {
    const { page, limit, offset } = pageWindow(query);
    const qb = this.authors.createQueryBuilder('a').leftJoinAndSelect('a.translations', 't').orderBy('a.name', 'ASC').addOrderBy('a.id').skip(offset).take(limit);
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

  async create(input: CreateAuthorDto): Promise<AuthorEntity> {
    const slug = await chooseSlug(input.slug, input.name, 'en', (s) => this.authors.existsBy({ slug: s }), 'author.slug_taken', 'author');
    try {
      const author = await this.authors.save(this.authors.create({ slug, name: input.name }));
      return this.get(author.id);
    } catch (error) {
      if (isUniqueViolation(error, 'author_slug_uq')) throw KalamError.conflict('author.slug_taken', { slug });
      throw error;
    }
  }

  async update(id: string, input: UpdateAuthorDto, expectedVersion: number | undefined): Promise<AuthorEntity> {
    const current = await this.get(id);
    if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
    const changes: Partial<AuthorEntity> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.slug !== undefined && input.slug !== current.slug) changes.slug = input.slug;
    try {
      const result = await updateVersioned(this.dataSource.manager, AuthorEntity, { id }, expectedVersion, changes);
      if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
      if (result.outcome === 'missing') throw KalamError.notFound('author.not_found', { id });
    } catch (error) {
      if (isUniqueViolation(error, 'author_slug_uq')) throw KalamError.conflict('author.slug_taken', { slug: input.slug });
      throw error;
    }
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const used = await this.dataSource.query('SELECT count(*)::int AS n FROM article_author WHERE author_id = $1', [id]);
    if (used[0].n > 0) throw KalamError.conflict('author.in_use', { count: used[0].n });
    try {
      const result = await this.authors.delete({ id });
      if (!result.affected) throw KalamError.notFound('author.not_found', { id });
    } catch (error) {
      // An article linked the author between the count and the delete.
      if (isForeignKeyViolation(error)) throw KalamError.conflict('author.in_use', { count: 1 });
      throw error;
    }
  }

  /** Creates the locale's translation, or updates it when it exists (then If-Match is required). */
  async putTranslation(id: string, locale: string, input: PutAuthorTranslationDto, expectedVersion: number | undefined, user: Editor): Promise<{ translation: AuthorTranslationEntity; created: boolean }> {
    await this.locales.requireEnabled(locale);
    assertLocaleScope(user, [locale]);
    await this.get(id);
    const fields = { displayName: input.displayName ?? null, title: input.title ?? null, bio: input.bio };
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(AuthorTranslationEntity);
      const inserted = await repo.createQueryBuilder().insert().values({ authorId: id, locale, ...fields }).onConflict('("author_id", "locale") DO NOTHING').execute();
      // ON CONFLICT DO NOTHING returns no row when the translation already exists.
      if ((inserted.raw as unknown[]).length > 0) {
        return { translation: await repo.findOneByOrFail({ authorId: id, locale }), created: true };
      }
      const current = await repo.findOneByOrFail({ authorId: id, locale });
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
      const result = await updateVersioned(manager, AuthorTranslationEntity, { authorId: id, locale }, expectedVersion, fields);
      if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
      if (result.outcome === 'missing') throw KalamError.notFound('author.not_found', { id });
      return { translation: result.row, created: false };
    });
  }

  async removeTranslation(id: string, locale: string, user: Editor): Promise<void> {
    assertLocaleScope(user, [locale]);
    const result = await this.dataSource.getRepository(AuthorTranslationEntity).delete({ authorId: id, locale });
    if (!result.affected) throw KalamError.notFound('translation.not_found', { locale });
  }
}
