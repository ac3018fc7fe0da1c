import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { KalamError } from '@kalam/core';
import { readContentConfig } from '@kalam/content';
import { readDatabaseConfig } from '@kalam/database';
import { RenderQueue } from './render-queue';
import { renditionFileName, type RenditionFormat, type RenditionRequest } from './rendition-request';

const MIME: Record<RenditionFormat, string> = { webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg', png: 'image/png' };
const FORMAT_OF_MIME: Record<string, RenditionFormat> = { 'image/webp': 'webp', 'image/avif': 'avif', 'image/jpeg': 'jpeg', 'image/png': 'png' };
// The same bound uploads are checked against (libs/content image-type): a pixel bomb is refused, not decoded.
const MAX_INPUT_PIXELS = 100_000_000;
// Each render uses one core (one libvips thread, measured for AVIF too); one core is left to the
// event loop and the database, so the API keeps answering while a burst of renditions waits its
// turn. On the 2-core machines we run on: one render at a time.
export const RENDER_LIMIT = Math.max(1, availableParallelism() - 1);
sharp.concurrency(1);

export interface Rendition {
  bytes: Buffer;
  mimeType: string;
  /** Strong: equal tags mean equal bytes (see etagOf). */
  etag: string;
}

/**
 * Image renditions of uploaded media, made with sharp from the uploaded file only (external
 * images are never fetched), cached on disk under `<dataDir>/renditions/<id>/`, each made once
 * however many requests ask for it at the same moment, RENDER_LIMIT at a time.
 */
@Injectable()
export class RenditionsService {
  private readonly mediaDir = readContentConfig().mediaDir;
  private readonly cacheDir = path.join(readDatabaseConfig().dataDir, 'renditions');
  private readonly queue = new RenderQueue<Buffer>(RENDER_LIMIT);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(id: string, request: RenditionRequest): Promise<Rendition> {
    // Any media id is served, as documents link media by id whatever their status (media have no drafts).
    const [media]: { kind: string; storage_key: string | null; mime_type: string | null }[] = await this.dataSource.query(
      'SELECT kind, storage_key, mime_type FROM media WHERE id = $1',
      [id],
    );
    if (!media) throw KalamError.notFound('media.not_found', { id });
    if (media.kind !== 'upload' || !media.storage_key) throw KalamError.notFound('media.external', { id });
    const original = path.join(this.mediaDir, media.storage_key);
    if (request.width === undefined && request.format === undefined) {
      // The uploaded file is never replaced (a new upload is a new id), so the id alone is its validator.
      return { bytes: await this.readOriginal(original, id), mimeType: media.mime_type ?? 'application/octet-stream', etag: `"${id}.original"` };
    }
    // GIF is no rendition format: its renditions are PNG (a still of the first frame, transparency
    // kept) unless another format is asked for.
    const format = request.format ?? FORMAT_OF_MIME[media.mime_type ?? ''] ?? 'png';
    const name = renditionFileName(request, format);
    const target = path.join(this.cacheDir, id, name);
    const bytes = (await readCached(target)) ?? (await this.queue.once(target, () => this.make(original, id, request.width, format, target)));
    return { bytes, mimeType: MIME[format], etag: etagOf(id, name, bytes) };
  }

  /** Runs in the queue's turn: the file may have been written since the caller looked. */
  private async make(original: string, id: string, width: number | undefined, format: RenditionFormat, target: string): Promise<Buffer> {
    const cached = await readCached(target);
    if (cached) return cached;
    const bytes = await this.render(await this.readOriginal(original, id), width, format);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed: a reader sees the whole file or none, even across processes.
    const temporary = `${target}.${process.pid}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return bytes;
  }

  private async render(input: Buffer, width: number | undefined, format: RenditionFormat): Promise<Buffer> {
    try {
      // rotate(): apply the EXIF orientation to the pixels, as no metadata (EXIF, XMP, ICC) is written out.
      let image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
      if (width) image = image.resize({ width, withoutEnlargement: true });
      return await image.toFormat(format, format === 'avif' ? { quality: 55, effort: 2 } : { quality: 80 }).toBuffer();
    } catch {
      throw KalamError.unprocessable('media.unreadable_image');
    }
  }

  private async readOriginal(file: string, id: string): Promise<Buffer> {
    try {
      return await readFile(file);
    } catch {
      throw KalamError.notFound('media.file_missing', { id });
    }
  }
}

async function readCached(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch(() => undefined);
}

/**
 * From the bytes themselves, not from the renderer's version or settings: a cache file made by an
 * older sharp or before a quality change keeps its tag, and a re-made file that differs gets a new one.
 */
function etagOf(id: string, name: string, bytes: Buffer): string {
  return `"${id}.${name}.${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
}
