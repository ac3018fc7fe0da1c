import type { ClassConstructor } from 'class-transformer';
import { KalamError, type ErrorDetail } from '@kalam/core';
import { createValidationPipe } from '@kalam/platform';

const pipe = createValidationPipe();

/**
 * Validates each value of a per-locale record (`{en: {...}, tr: {...}}`) against `dto` with the
 * global validation pipe, which cannot reach into a record's values by itself. All problems are
 * reported together, with fields such as `translations.tr.name`.
 */
export async function validateRecordValues<T extends object>(
  record: Record<string, unknown> | undefined,
  dto: ClassConstructor<T>,
  field: string,
): Promise<[string, T][]> {
  const details: ErrorDetail[] = [];
  const entries: [string, T][] = [];
  for (const [key, value] of Object.entries(record ?? {})) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      details.push({ field: `${field}.${key}`, code: 'validation.isObject' });
      continue;
    }
    try {
      entries.push([key, (await pipe.transform(value, { type: 'body', metatype: dto })) as T]);
    } catch (error) {
      if (!(error instanceof KalamError)) throw error;
      details.push(...error.details.map((detail) => ({ ...detail, field: `${field}.${key}.${detail.field}` })));
    }
  }
  if (details.length) throw KalamError.badRequest('request.validation_failed', { count: details.length }, details);
  return entries;
}
