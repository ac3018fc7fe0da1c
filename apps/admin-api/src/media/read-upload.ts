import type { FastifyRequest } from 'fastify';
import { KalamError } from '@kalam/core';

/** Reads the one file of a multipart upload (and the text fields sent before it), within `maxBytes`. */
export interface RawUpload {
  bytes: Buffer;
  filename: string;
  fields: { credit?: string; translations?: unknown };
}

export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<RawUpload> {
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 64 * 1024 } });
  if (!part) throw KalamError.badRequest('media.no_file');
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new KalamError(413, 'media.too_large', { limit: maxBytes });
    throw error;
  });
  const field = (name: string): string | undefined => {
    const value = part.fields[name];
    const single = Array.isArray(value) ? value[0] : value;
    return single && 'value' in single && typeof single.value === 'string' ? single.value : undefined;
  };
  // Text fields are returned raw (translations parsed from JSON when it parses); the caller
  // validates them with the same pipe as JSON bodies.
  const rawTranslations = field('translations');
  let translations: unknown = rawTranslations;
  if (rawTranslations !== undefined) {
    try {
      translations = JSON.parse(rawTranslations);
    } catch {
      // left as text: validation then says it must be an object
    }
  }
  return { bytes, filename: part.filename, fields: { credit: field('credit'), translations } };
}
