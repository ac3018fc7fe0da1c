import type { FastifyRequest } from 'fastify';
import { KalamError } from '@kalam/core';
import type { UploadInput } from '@kalam/content';

/** Reads the one file of a multipart upload (and the text fields sent before it), within `maxBytes`. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<UploadInput> {
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
  let translations: Record<string, unknown> | undefined;
  const rawTranslations = field('translations');
  if (rawTranslations) {
    try {
      translations = JSON.parse(rawTranslations);
    } catch {
      throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'translations', code: 'validation.isObject' }]);
    }
  }
  const credit = field('credit');
  if (credit !== undefined && credit.length > 300) {
    throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'credit', code: 'validation.maxLength', params: { count: 300 } }]);
  }
  if (translations !== undefined && (typeof translations !== 'object' || translations === null || Array.isArray(translations))) {
    throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: 'translations', code: 'validation.isObject' }]);
  }
  return { bytes, filename: part.filename, credit, translations };
}
