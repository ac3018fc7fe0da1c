import { registerDecorator, type ValidationOptions } from 'class-validator';
import { SLUG_PATTERN } from '../text/slugify';
import { isPublicHttpUrl } from './public-url';

/** BCP 47 subset we accept for content locales: "en", "tr", "kk", "pt-BR", "sr-Latn". */
export const LOCALE_CODE_PATTERN = /^[a-z]{2,3}(?:-(?:[A-Z]{2}|[A-Z][a-z]{3}))?$/;

function patternDecorator(name: string, pattern: RegExp, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && pattern.test(value) },
    });
}

/** The constraint name doubles as the message key `validation.isLocaleCode`. */
export const IsLocaleCode = (options?: ValidationOptions) => patternDecorator('isLocaleCode', LOCALE_CODE_PATTERN, options);
export const IsSlug = (options?: ValidationOptions) => patternDecorator('isSlug', SLUG_PATTERN, options);

/** An http(s) URL of a public host, without credentials (see isPublicHttpUrl); message `validation.isPublicUrl`. */
export const IsPublicUrl =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isPublicUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && isPublicHttpUrl(value) },
    });

/**
 * A calendar date, optionally with a time and a zone (`2027-01-01`, `2027-01-01T10:00:00Z`,
 * `…+05:00`), that JavaScript's Date reads as the same instant everywhere. IsISO8601 alone also
 * admits week dates and basic formats (`2027-W01-1`, `20270101`) that Date cannot read.
 * Message `validation.isISO8601`.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
export function isTimestamp(value: string): boolean {
  if (!TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) return false;
  // Date rolls 2027-02-30 over to March; PostgreSQL refuses it. Only real calendar days pass.
  const day = value.slice(0, 10);
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

export const IsTimestamp =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isISO8601',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && isTimestamp(value) },
    });
