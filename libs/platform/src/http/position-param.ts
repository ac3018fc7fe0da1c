import { Param, type PipeTransform } from '@nestjs/common';
import { KalamError } from '@kalam/core';

class PositionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,3}$/.test(value) || Number(value) < 1) throw KalamError.badRequest('request.invalid_id', { value: value.slice(0, 60) });
    return Number(value);
  }
}

/** A 1-based position in the path, such as a footnote source number. */
export const PositionParam = (name: string) => Param(name, new PositionPipe());
