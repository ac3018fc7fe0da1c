import { Param, type PipeTransform } from '@nestjs/common';
import { KalamError } from '@kalam/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const text = String(value);
    if (!UUID.test(text)) throw KalamError.badRequest('request.invalid_id', { value: text.slice(0, 60) });
    return text.toLowerCase();
  }
}

/** A path parameter that must be a UUID; anything else is a 400 before the database is asked. */
export const UuidParam = (name: string) => Param(name, new UuidPipe());
