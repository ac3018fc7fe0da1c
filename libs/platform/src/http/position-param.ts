import { Param, type PipeTransform } from '@nestjs/common';
import { KalamError } from '@kalam/core';

// The global ValidationPipe runs first and may already have turned "abc" into NaN, so take any value.
class PositionPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    const text = String(value);
    if (!/^\d{1,3}$/.test(text) || Number(text) < 1) throw KalamError.badRequest('request.invalid_id', { value: text.slice(0, 60) });
    return Number(text);
  }
}

/** A 1-based position in the path, such as a footnote source number. */
export const PositionParam = (name: string) => Param(name, new PositionPipe());
