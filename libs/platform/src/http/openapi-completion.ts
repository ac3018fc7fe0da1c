import type { OpenAPIObject } from '@nestjs/swagger';
import { errorResponse } from './openapi-decorators';

type Schema = { $ref?: string; properties?: Record<string, unknown> };
type Response = { description?: string; headers?: Record<string, unknown>; content?: Record<string, { schema?: Schema }> };
type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ETAG = { description: 'The version, quoted: send it back as If-Match', schema: { type: 'string', example: '"4"' } };

export interface CompletionOptions {
  /** Bearer auth: every operation but the public ones answers 401 and 403. */
  bearer: boolean;
  /** Operations as `GET /path` that need no token. */
  public: string[];
  /** Whether 2xx answers carrying a `version` send `ETag` (the VersionEtagInterceptor is on). */
  versionEtags: boolean;
}

/**
 * Adds what every operation does without saying so: 400 to bad input (wrong types, unknown
 * fields, malformed bodies, odd ids), 404 where the path names a record, and with bearer auth 401
 * (no or a bad token) and 403 (a role, a locale scope or a preview token that may not); `ETag` on
 * answers whose body has a version. Every error answer gets the one error shape, as JSON (the
 * error filter sends nothing else), so a client generator knows it everywhere.
 */
export function completeOpenApiDocument(document: OpenAPIObject, options: CompletionOptions): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, Operation>)) {
      if (!METHODS.includes(method)) continue;
      const responses = value.responses;
      const add = (status: string, description: string) => {
        responses[status] ??= { description };
      };
      if (value.requestBody || value.parameters?.some((p) => p.in !== 'header')) add('400', 'Bad input: the details name each field');
      if (path.includes('{')) add('404', 'Nothing exists at this path');
      if (options.bearer && !options.public.includes(`${method.toUpperCase()} ${path}`)) {
        add('401', 'No token, or an unknown, expired or revoked one');
        add('403', 'This role or locale scope may not do this (or a preview token was sent)');
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) responses[status] = { ...response, ...errorResponse(response.description || 'Refused') };
        else if (options.versionEtags && status.startsWith('2') && hasVersion(document, response)) response.headers = { ETag: ETAG, ...response.headers };
      }
    }
  }
}

function hasVersion(document: OpenAPIObject, response: Response): boolean {
  const schema = response.content?.['application/json']?.schema;
  const resolved = schema?.$ref ? (document.components?.schemas?.[schema.$ref.split('/').pop()!] as Schema | undefined) : schema;
  return Boolean(resolved?.properties && 'version' in resolved.properties);
}
