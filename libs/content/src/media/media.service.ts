import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { KalamError, updateVersioned } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { assertLocaleScope, type Editor } from '../articles/article-permissions';
import { pageWindow, type Page, type PageQueryDto } from '../common/pagination';
import { validateRecordValues } from '../common/validate-record';
import { contentConfig, type ContentConfig } from '../content.config';
import { MediaTranslationInputDto, type CreateExternalMediaDto, type UpdateMediaDto } from './dto/media.dto';
import { inspectImage } from './image-type';
import { MediaTranslationEntity } from './media-translation.entity';
import { MediaEntity } from './media.entity';

export interface UploadInput {
  bytes: Buffer;
  filename: string;
  credit?: string;
  translations?: Record<string, unknown>;
}

@Injectable()
export class MediaService {
  constructor(
    @InjectRepository(MediaEntity) private readonly media: Repository<MediaEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(contentConfig.KEY) private readonly config: ContentConfig,
    private readonly locales: LocalesService,
  ) {}

  get maxBytes(): number {
    return this.config.mediaMaxBytes;
  }

  async list(query: PageQueryDto): Promise<Page<MediaEntity>> {
    const { page, limit, offset } = pageWindow(query);
    const [items, total] = await this.media.findAndCount({ relations: { translations: true }, order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: limit });
    return { items, page, limit, total };
  }

  async get(id: string): Promise<MediaEntity> {
    const media = await this.media.findOne({ where: { id }, relations: { translations: true } });
    if (!media) throw KalamError.notFound('media.not_found', { id });
    return media;
  }

  findExternal(url: string): Promise<MediaEntity | null> {
    return this.media.findOne({ where: { kind: 'external', externalUrl: url }, relations: { translations: true } });
  }

  async createExternal(input: CreateExternalMediaDto, user: Editor): Promise<MediaEntity> {
    const translations = await this.checkTranslations(input.translations, user);
    const actorId = user.id;
    const id = await this.dataSource.transaction(async (manager) => {
      const media = await manager.getRepository(MediaEntity).save(
        manager.getRepository(MediaEntity).create({ kind: 'external', externalUrl: input.url, credit: input.credit ?? null, createdBy: actorId }),
      );
      await this.writeTranslations(manager, media.id, translations);
      return media.id;
    });
    return this.get(id);
  }

  /**
   * Stores an uploaded image under KALAM_DATA_DIR/media/yyyy/mm/<uuid>.<ext>. The type comes from
   * the bytes; the file is written to a temporary name, flushed, then renamed, so a crash never
   * leaves a half-written image under a real name.
   */
  async upload(input: UploadInput, user: Editor): Promise<MediaEntity> {
    const facts = inspectImage(input.bytes);
    if (!facts) throw new KalamError(415, 'media.unsupported_type', { types: 'JPEG, PNG, GIF, WebP, AVIF' });
    const translations = await this.checkTranslations(input.translations, user);
    const actorId = user.id;
    const now = new Date();
    const key = path.posix.join(String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), `${randomUUID()}.${facts.extension}`);
    const target = path.join(this.config.mediaDir, key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.part`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(input.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const media = await manager.getRepository(MediaEntity).save(
          manager.getRepository(MediaEntity).create({
            kind: 'upload',
            storageKey: key,
            originalName: input.filename.slice(0, 300),
            mimeType: facts.mime,
            sizeBytes: input.bytes.length,
            width: facts.width,
            height: facts.height,
            credit: input.credit ?? null,
            createdBy: actorId,
          }),
        );
        await this.writeTranslations(manager, media.id, translations);
        return media.id;
      });
      return this.get(id);
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  }

  async update(id: string, input: UpdateMediaDto, expectedVersion: number | undefined, user: Editor): Promise<MediaEntity> {
    const current = await this.get(id);
    if (expectedVersion === undefined) throw KalamError.preconditionRequired(current.version);
    const translations = await this.checkTranslations(input.translations, user);
    await this.dataSource.transaction(async (manager) => {
      const changes = input.credit !== undefined ? { credit: input.credit } : {};
      const result = await updateVersioned(manager, MediaEntity, { id }, expectedVersion, changes);
      if (result.outcome === 'stale') throw KalamError.preconditionFailed(expectedVersion, result.currentVersion);
      await this.writeTranslations(manager, id, translations);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const media = await this.get(id);
    await this.media.delete({ id });
    if (media.storageKey) await rm(path.join(this.config.mediaDir, media.storageKey), { force: true });
  }

  /** Absolute path and type of an uploaded file. */
  async file(id: string): Promise<{ path: string; mimeType: string; name: string }> {
    const media = await this.get(id);
    if (!media.storageKey) throw KalamError.notFound('media.not_found', { id });
    return { path: path.join(this.config.mediaDir, media.storageKey), mimeType: media.mimeType ?? 'application/octet-stream', name: media.originalName ?? path.basename(media.storageKey) };
  }

  async requireExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!(await manager.getRepository(MediaEntity).existsBy({ id }))) throw KalamError.unprocessable('article.unknown_media', { id });
  }

  private async checkTranslations(record: Record<string, unknown> | undefined, user: Editor): Promise<[string, MediaTranslationInputDto][]> {
    const entries = await validateRecordValues(record, MediaTranslationInputDto, 'translations');
    for (const [locale] of entries) await this.locales.requireEnabled(locale);
    assertLocaleScope(user, entries.map(([locale]) => locale));
    return entries;
  }

  private async writeTranslations(manager: EntityManager, mediaId: string, entries: [string, MediaTranslationInputDto][]): Promise<void> {
    for (const [locale, input] of entries) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(MediaTranslationEntity)
        .values({ mediaId, locale, caption: input.caption ?? null, altText: input.alt ?? null })
        .orUpdate(['caption', 'alt_text'], ['media_id', 'locale'])
        .execute();
    }
  }
}
