import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { KalamError } from '@kalam/core';
import { readContentConfig } from '@kalam/content';
import { readDatabaseConfig } from '@kalam/database';
import { renditionFileName, type RenditionFormat, type RenditionRequest } from './rendition-request';

const MIME: Record<RenditionFormat, string> = { webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg', png: 'image/png' };
const FORMAT_OF_MIME: Record<string, RenditionFormat> = { 'image/webp': 'webp', 'image/avif': 'avif', 'image/jpeg': 'jpeg', 'image/png': 'png' };
// Two renders at once on this kind of machine, each on one libvips thread: the API keeps answering.
const MAX_RENDERS = 2;
sharp.concurrency(1);

export interface Rendition {
  bytes: Buffer;
  mimeType: string;
  /** Strong: the file behind an id never changes, and a rendition depends only on it, the parameters and sharp's version. */
  etag: string;
}

/**
 * Image renditions of uploaded media, made with sharp from the uploaded file only (external
 * images are never fetched), cached on disk under the data dir, each made once however many
 * requests ask for it at the same moment, at most MAX_RENDERS at a time.
 */
@Injectable()
export class RenditionsService {
  private readonly mediaDir = readContentConfig().mediaDir;
  private readonly cacheDir = path.join(readDatabaseConfig().dataDir, 'renditions');
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(id: string, request: RenditionRequest): Promise<Rendition> {
    const [media]: { kind: string; storage_key: string | null; mime_type: string | null }[] = await this.dataSource.query(
      'SELECT kind, storage_key, mime_type FROM media WHERE id = $1',
      [id],
    );
    if (!media) throw KalamError.notFound('media.not_found', { id });
    if (media.kind !== 'upload' || !media.storage_key) throw KalamError.notFound('media.external', { id });
    const original = path.join(this.mediaDir, media.storage_key);
    const originalFormat = FORMAT_OF_MIME[media.mime_type ?? ''];
    const version = `sharp-${sharp.versions.sharp ?? ''}`;
    if (request.width === undefined && request.format === undefined) {
      return { bytes: await this.read(original, id), mimeType: media.mime_type ?? 'application/octet-stream', etag: `"${id}.original"` };
    }
    const format = request.format ?? originalFormat ?? 'jpeg';
    const name = renditionFileName({ ...request, format }, format);
    const target = path.join(this.cacheDir, id, name);
    const bytes = await readFile(target).catch(() => this.makeOnce(target, () => this.render(original, id, request.width, format)));
    return { bytes, mimeType: MIME[format], etag: `"${id}.${name}.${version}"` };
  }

  private async read(file: string, id: string): Promise<Buffer> {
    try {
      return await readFile(file);
    } catch {
      throw KalamError.notFound('media.file_missing', { id });
    }
  }

  private makeOnce(target: string, make: () => Promise<Buffer>): Promise<Buffer> {
    let pending = this.inFlight.get(target);
    if (!pending) {
      pending = this.limited(async () => {
        const bytes = await make();
        await mkdir(path.dirname(target), { recursive: true });
        const temporary = `${target}.${process.pid}.part`;
        await writeFile(temporary, bytes);
        await rename(temporary, target);
        return bytes;
      }).finally(() => this.inFlight.delete(target));
      this.inFlight.set(target, pending);
    }
    return pending;
  }

  private async render(original: string, id: string, width: number | undefined, format: RenditionFormat): Promise<Buffer> {
    const input = await this.read(original, id);
    try {
      let image = sharp(input, { limitInputPixels: 100_000_000, failOn: 'error' }).rotate();
      if (width) image = image.resize({ width, withoutEnlargement: true });
      return await image.toFormat(format, format === 'avif' ? { quality: 55, effort: 2 } : { quality: 80 }).toBuffer();
    } catch {
      throw KalamError.unprocessable('media.unreadable_image');
    }
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_RENDERS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
