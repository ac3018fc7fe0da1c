import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { KalamError, type ErrorDetail } from '@kalam/core';

/** Message parameters from a decorator's own arguments: `@MaxLength(200)` → {count: 200}. */
function constraintParams(target: object | undefined, property: string, constraint: string): Record<string, unknown> {
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === constraint);
  const args: unknown[] = metadata?.constraints ?? [];
  const first = args[0];
  if (constraint === 'isEnum' && first && typeof first === 'object') return { values: Object.values(first as Record<string, unknown>).join(', ') };
  if (Array.isArray(first)) return { values: first.join(', ') };
  if (typeof first === 'number') return { count: first, n: first };
  return {};
}

// When a field breaks several rules, the most basic one is the useful message: "is required"
// before "must be text" before "must be at most 200 characters".
const PRIORITY = ['whitelistValidation', 'isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'nestedValidation'];
const rank = (constraint: string) => (PRIORITY.includes(constraint) ? PRIORITY.indexOf(constraint) : PRIORITY.length);

/** class-validator errors as our error details: one per field, dotted paths for nested fields. */
export function toValidationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.keys(error.constraints ?? {}).sort((a, b) => rank(a) - rank(b));
    if (constraints.length) {
      // A missing value fails every rule; say it is required instead.
      const missing = error.value === undefined && constraints[0] !== 'whitelistValidation';
      const constraint = missing ? 'isDefined' : constraints[0];
      details.push({ field, code: `validation.${constraint}`, params: constraintParams(error.target, error.property, constraint) });
    }
    if (error.children?.length) details.push(...toValidationDetails(error.children, field));
  }
  return details;
}

const PLAIN_TYPES: unknown[] = [Object, Array, String, Number, Boolean];

/**
 * A body declared as a DTO class must be a JSON object: `null`, an array or a bare value is a 400,
 * never handed to a service as if it were one. A request without a body is an empty object, so
 * steps that need no input (POST …/submit) can be sent bare.
 */
class KalamValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !PLAIN_TYPES.includes(metadata.metatype)) {
      if (value === undefined) value = {};
      else if (value === null || typeof value !== 'object' || Array.isArray(value)) throw KalamError.badRequest('request.body_not_object');
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** One global pipe: unknown fields refused, types checked, each failing field named and translated. */
export function createValidationPipe(): ValidationPipe {
  return new KalamValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // Values are read to tell "missing" from "wrong", never echoed back.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const details = toValidationDetails(errors);
      return KalamError.badRequest('request.validation_failed', { count: details.length }, details);
    },
  });
}
