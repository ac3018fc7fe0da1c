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
