import { Param, type PipeTransform } from '@nestjs/common';
import { KalamError } from '@kalam/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw KalamError.badRequest('request.invalid_id', { value: value.slice(0, 60) });
    return value.toLowerCase();
  }
}

/** A path parameter that must be a UUID; anything else is a 400 before the database is asked. */
export const UuidParam = (name: string) => Param(name, new UuidPipe());
