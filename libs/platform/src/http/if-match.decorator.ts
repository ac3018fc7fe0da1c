import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiHeader } from '@nestjs/swagger';
import { KalamError } from '@kalam/core';

/** Parses `If-Match: "3"` (or W/"3", or 3) into a version; undefined when absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw KalamError.badRequest('request.invalid_if_match');
  return Number(match[1]);
}

/**
 * The If-Match version of the request; also documents the header on the operation, as optional:
 * ApiVersionedWrite says whether it is required and which answers it brings (412, 428).
 */
export const IfMatch = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['if-match'] as string | string[] | undefined;
    return parseIfMatch(Array.isArray(header) ? header[0] : header);
  },
  [
    (target: object, key: string | symbol | undefined) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      ApiHeader({
        name: 'If-Match',
        required: false,
        description: 'The version you read, quoted ("4"); a stale one is refused with 412',
      })(target, key, descriptor);
    },
  ],
);

/** The ETag we send for a versioned resource: the version, quoted. */
export function versionEtag(version: number): string {
  return `"${version}"`;
}
