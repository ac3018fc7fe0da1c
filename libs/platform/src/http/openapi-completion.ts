import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto';

type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
};

const ETAG = { ETag: { description: 'The version, quoted: send it back as If-Match', schema: { type: 'string', example: '"4"' } } };
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } } });

/**
 * A write under optimistic concurrency: If-Match in (documented by the IfMatch parameter
 * decorator), ETag out, 412 when the version is stale and 428 when it is missing for a record that
 * exists. `created` adds the 201 of a PUT that can create.
 */
export function ApiVersionedWrite(options: { type?: unknown; created?: boolean } = {}) {
  const decorators = [
    ApiResponse({ status: 200, description: 'Saved', type: options.type as never, headers: ETAG }),
    ApiResponse({ status: 409, ...error('Conflicts with the current state (a taken slug, a held job…)') }),
    ApiResponse({ status: 412, ...error('If-Match names an older version; the answer gives the current one') }),
    ApiResponse({ status: 428, ...error('If-Match is required to change a record that exists') }),
  ];
  if (options.created) decorators.push(ApiResponse({ status: 201, description: 'Created', type: options.type as never, headers: ETAG }));
  return applyDecorators(...decorators);
}

/**
 * Adds the answers every operation can give without saying so: 400 to bad input (wrong types,
 * unknown fields, malformed bodies, odd ids), 404 where the path names a record, and with bearer
 * auth 401 (no or a bad token) and 403 (a role or locale that may not). A client generator then
 * knows the error shape everywhere.
 */
export function completeErrorResponses(document: OpenAPIObject, options: { bearer: boolean; public: string[] }): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const responses = value.responses;
      const add = (status: string, description: string) => {
        responses[status] ??= error(description);
      };
      if (value.requestBody || value.parameters?.some((p) => p.in !== 'header')) add('400', 'Bad input: the details name each field');
      if (path.includes('{')) add('404', 'Nothing exists at this path');
      if (options.bearer && !options.public.includes(`${method.toUpperCase()} ${path}`)) {
        add('401', 'No token, or an unknown, expired or revoked one');
        add('403', 'This role or locale scope may not do this');
      }
    }
  }
}
