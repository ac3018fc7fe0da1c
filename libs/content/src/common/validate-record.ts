import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { KalamError, type ErrorDetail } from '@kalam/core';
import { toValidationDetails } from '@kalam/platform';

/**
 * Validates each value of a per-locale record (`{en: {...}, tr: {...}}`) against `dto`; the global
 * pipe cannot, because class-validator does not reach into a record's values. All problems are
 * reported together, with fields such as `translations.tr.name`.
 */
export function validateRecordValues<T extends object>(record: Record<string, unknown> | undefined, dto: ClassConstructor<T>, field: string): [string, T][] {
  const details: ErrorDetail[] = [];
  const entries: [string, T][] = [];
  for (const [key, value] of Object.entries(record ?? {})) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      details.push({ field: `${field}.${key}`, code: 'validation.isObject' });
      continue;
    }
    const instance = plainToInstance(dto, value);
    details.push(...toValidationDetails(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: true } }), `${field}.${key}`));
    entries.push([key, instance]);
  }
  if (details.length) throw KalamError.badRequest('request.validation_failed', { count: details.length }, details);
  return entries;
}
