import { HttpException, HttpStatus } from '@nestjs/common';
import { KalamError } from '@kalam/core';

interface FastifyLikeError {
  statusCode?: number;
}

const CODE_BY_STATUS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'request.bad_request',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'request.payload_too_large',
  [HttpStatus.URI_TOO_LONG]: 'request.uri_too_long',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'request.unsupported_media_type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'too_many_requests',
};

export interface RequestFacts {
  method: string;
  path: string;
  contentType?: string;
  bodyLimit: number;
  retryAfterSeconds?: number;
}

/**
 * Every failure becomes a KalamError: ours pass through; Nest's HTTP exceptions and Fastify's
 * own errors (body too large, bad media type) get a stable code. Anything else is a bug: a 500
 * whose details stay in the log.
 */
export function toKalamError(exception: unknown, facts: RequestFacts): KalamError {
  if (exception instanceof KalamError) return exception;

  const status = exception instanceof HttpException ? exception.getStatus() : (exception as FastifyLikeError | undefined)?.statusCode;
  if (typeof status !== 'number' || status >= 500 || status < 400) return new KalamError(500, 'internal_error');

  if (status === Number(HttpStatus.NOT_FOUND)) return KalamError.notFound('not_found', { method: facts.method, path: facts.path });

  const code = CODE_BY_STATUS[status] ?? 'request.bad_request';
  const params: Record<string, unknown> = {
    limit: facts.bodyLimit,
    type: facts.contentType ?? '(none)',
    count: facts.retryAfterSeconds ?? 60,
  };
  return new KalamError(status, code, params);
}
