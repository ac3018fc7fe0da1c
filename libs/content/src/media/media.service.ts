import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { assertIfMatchWhenGiven, KalamError, recordAudit } from '@kalam/core';
import { LocalesService } from '@kalam/i18n';
import { assertLocaleScope, canDeleteRecord, canEditRecordLocale, canManageRecord, canWorkIn, type Editor, type SharedRecord } from '@kalam/auth';
import { TranslatableWriter } from '../translatable/translatable-writer';
import { MEDIA_TEXT } from './media-text';
import { pageWindow, type Page, type PageQueryDto } from '../common/pagination';
import { validateRecordValues } from '../common/validate-record';
import { contentConfig, type ContentConfig } from '../content.config';
import {
  MediaResponseDto,
  MediaTranslationInputDto,
  type CreateExternalMediaDto,
  type MediaItemDto,
  type MediaLimitsDto,
  type UpdateMediaDto,
} from './dto/media.dto';
import { ACCEPTED_IMAGE_TYPES, inspectImage } from './image-type';
import { MediaEntity } from './media.entity';
import { ContentChangeHooks } from '../common/content-change-hooks';

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
    private readonly writer: TranslatableWriter,
    private readonly changes: ContentChangeHooks,
  ) {}

  get maxBytes(): number {
    return this.config.mediaMaxBytes;
  }

  async limits(user: Editor): Promise<MediaLimitsDto> {
    // A new upload is the uploader's own: the locale is all that limits its captions.
    const captionLocales = (await this.enabledLocales()).filter((locale) => canWorkIn(user, locale));
    return { maxBytes: this.config.mediaMaxBytes, types: [...ACCEPTED_IMAGE_TYPES], captionLocales };
  }

  /**
   * What `user` may do with each item, by the rules update and remove enforce, so clients show
   * only what will be accepted instead of keeping a copy of those rules.
   */
  async withPermissions(items: MediaEntity[], user: Editor): Promise<MediaItemDto[]> {
    const enabled = await this.enabledLocales();
    return items.map((media) => {
      const record: SharedRecord = { createdBy: media.createdBy, locales: (media.translations ?? []).map((t) => t.locale) };
      const may = {
        credit: canManageRecord(user, record),
        delete: canDeleteRecord(user, record),
        captionLocales: enabled.filter((locale) => canEditRecordLocale(user, record, locale)),
      };
      return { ...MediaResponseDto.from(media), may };
    });
  }

  private async enabledLocales(): Promise<string[]> {
    return (await this.locales.list({ enabledOnly: true })).map((locale) => locale.code);
  }

  async list(query: PageQueryDto): Promise<Page<MediaEntity>> {
    const { page, limit, offset } = pageWindow(query);
    const [items, total] = await this.media.findAndCount({
      relations: { translations: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
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
    const translations = await this.checkTranslations(input.translations);
    assertLocaleScope(
      user,
      translations.map(([locale]) => locale),
    );
    const actorId = user.id;
    const id = await this.dataSource.transaction(async (manager) => {
      const media = await manager
        .getRepository(MediaEntity)
        .save(manager.getRepository(MediaEntity).create({ kind: 'external', externalUrl: input.url, credit: input.credit ?? null, createdBy: actorId }));
      await recordAudit(manager, {
        actorId,
        action: 'media.created',
        subjectType: 'media',
        subjectId: media.id,
        details: { kind: 'external', url: input.url },
      });
      await this.writeTranslations(manager, media.id, translations, actorId);
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
    const verdict = await inspectImage(input.bytes);
    if (!verdict.ok && verdict.reason === 'unsupported') throw new KalamError(415, 'media.unsupported_type', { types: 'JPEG, PNG, GIF, WebP, AVIF' });
    if (!verdict.ok) throw KalamError.unprocessable('media.unreadable_image');
    const { facts } = verdict;
    const translations = await this.checkTranslations(input.translations);
    assertLocaleScope(
      user,
      translations.map(([locale]) => locale),
    );
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
        await recordAudit(manager, {
          actorId,
          action: 'media.created',
          subjectType: 'media',
          subjectId: media.id,
          details: { kind: 'upload', mimeType: facts.mime, sizeBytes: input.bytes.length },
        });
        await this.writeTranslations(manager, media.id, translations, actorId);
        return media.id;
      });
      return this.get(id);
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  }

  /** Credit and captions change together under the media's version (If-Match). */
  async update(id: string, input: UpdateMediaDto, expectedVersion: number | undefined, user: Editor): Promise<MediaEntity> {
    const translations = await this.checkTranslations(input.translations);
    await this.dataSource.transaction(async (manager) => {
      const { media, record } = await this.lockForChange(manager, id);
      if (input.credit !== undefined && !canManageRecord(user, record)) throw KalamError.forbidden();
      for (const [locale] of translations) {
        // Name the real reason: an author holding the locale is refused for not owning the image, not for the locale.
        if (!canWorkIn(user, locale)) throw KalamError.forbidden('auth.locale_forbidden', { locale });
        if (!canEditRecordLocale(user, record, locale)) throw KalamError.forbidden();
      }
      if (expectedVersion === undefined) throw KalamError.preconditionRequired(media.version);
      if (expectedVersion !== media.version) throw KalamError.preconditionFailed(expectedVersion, media.version);
      const changes = input.credit !== undefined ? { credit: input.credit } : {};
      await manager.update(MediaEntity, { id }, { ...changes, version: () => 'version + 1' });
      await recordAudit(manager, {
        actorId: user.id,
        action: 'media.updated',
        subjectType: 'media',
        subjectId: id,
        details: { ...changes, locales: translations.map(([l]) => l), version: media.version + 1 },
      });
      await this.writeTranslations(manager, id, translations, user.id);
      await this.changes.run({ manager, kind: 'media', id });
    });
    return this.get(id);
  }

  async remove(id: string, user: Editor, expectedVersion?: number): Promise<void> {
    const storageKey = await this.dataSource.transaction(async (manager) => {
      const { media, record } = await this.lockForChange(manager, id);
      if (!canDeleteRecord(user, record)) throw KalamError.forbidden();
      assertIfMatchWhenGiven(expectedVersion, media.version);
      // The delete clears heroes (ON DELETE SET NULL), which locks those articles: take them first, in
      // the order article writers take them (article, then media), so an article edit naming this
      // media as its hero cannot deadlock with us.
      await manager.query('SELECT id FROM article WHERE hero_media_id = $1 ORDER BY id FOR NO KEY UPDATE', [id]);
      await manager.delete(MediaEntity, { id });
      await recordAudit(manager, { actorId: user.id, action: 'media.deleted', subjectType: 'media', subjectId: id, details: { storageKey: media.storageKey } });
      await this.changes.run({ manager, kind: 'media', id });
      return media.storageKey;
    });
    // After the commit: a failed delete never leaves a row pointing at a removed file.
    if (storageKey) await rm(path.join(this.config.mediaDir, storageKey), { force: true });
  }

  /** Absolute path and type of an uploaded file. */
  /**
   * The uploaded file, already open: a delete that unlinks it afterwards cannot break the answer,
   * and one that came first (or a restore without the media folder) is a 404, not a stream error.
   */
  async file(id: string): Promise<{ handle: FileHandle; mimeType: string; name: string }> {
    const media = await this.get(id);
    if (!media.storageKey) throw KalamError.notFound('media.not_found', { id });
    let handle: FileHandle;
    try {
      handle = await open(path.join(this.config.mediaDir, media.storageKey), 'r');
    } catch {
      throw KalamError.notFound('media.file_missing', { id });
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw KalamError.notFound('media.file_missing', { id });
    }
    return { handle, mimeType: media.mimeType ?? 'application/octet-stream', name: media.originalName ?? path.basename(media.storageKey) };
  }

  /** 422 unless the media exists; share-locks it until the caller's transaction ends, so it is not deleted before being linked. */
  async requireExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT id FROM media WHERE id = $1 FOR KEY SHARE', [id]);
    if (!rows.length) throw KalamError.unprocessable('article.unknown_media', { id });
  }

  /** Locale-level checks that need no lock: each locale enabled and each entry valid. */
  private async checkTranslations(record: Record<string, unknown> | undefined): Promise<[string, MediaTranslationInputDto][]> {
    const entries = await validateRecordValues(record, MediaTranslationInputDto, 'translations');
    for (const [locale] of entries) await this.locales.requireEnabled(locale);
    return entries;
  }

  /** Locks the media row for this transaction; 404 when gone. */
  private async lockForChange(manager: EntityManager, id: string): Promise<{ media: MediaEntity; record: SharedRecord }> {
    const { parent, record } = await this.writer.lockShared(manager, MEDIA_TEXT, id);
    return { media: parent, record };
  }

  private async writeTranslations(
    manager: EntityManager,
    mediaId: string,
    entries: [string, MediaTranslationInputDto][],
    actorId: string | null,
  ): Promise<void> {
    for (const [locale, input] of entries) {
      await this.writer.upsert(manager, MEDIA_TEXT, mediaId, locale, { fields: { caption: input.caption ?? null, altText: input.alt ?? null } }, actorId);
    }
  }
}
