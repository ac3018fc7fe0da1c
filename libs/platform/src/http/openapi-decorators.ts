import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOkResponse, ApiProperty, ApiResponse, DECORATORS, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto';

/** An error answer: the shared error shape (ErrorResponseDto), as JSON. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
});

/**
 * The client errors an operation answers beyond the ones every route gets (400, 401, 403, 404 are
 * added to the document by `completeErrorResponses`): status → when. Each has the shared error shape.
 */
export function ApiErrors(errors: Record<number, string>) {
  return applyDecorators(...Object.entries(errors).map(([status, description]) => ApiResponse({ status: Number(status), ...errorResponse(description) })));
}

/**
 * How a write uses If-Match: `required` to change a record that must exist (428 without it);
 * `when-exists` for a PUT that creates (201) or replaces (If-Match needed then, 428 without it);
 * `optional` where it is checked only when sent (deletes).
 */
export type IfMatchUse = 'required' | 'when-exists' | 'optional';

const ETAG = { ETag: { description: 'The version, quoted: send it back as If-Match', schema: { type: 'string', example: '"4"' } } };

/**
 * A write under optimistic concurrency: the If-Match header (required or not, replacing the
 * optional one the IfMatch parameter decorator documents), 412 when it names an older version and,
 * unless optional, 428 when it is missing. `created` adds the 201 (and the 200) of a PUT that can
 * create, both with the ETag of the new version (`note` adds to the header's description); other answers get ETag from the document's
 * completion (any 2xx whose body has a `version`).
 */
export function ApiVersionedWrite(options: { ifMatch: IfMatchUse; of?: string; note?: string; type?: Type<unknown>; created?: boolean }) {
  const decorators = [
    ifMatchHeader(
      options.ifMatch === 'required',
      `The ${options.of ?? 'record'}’s version you read, quoted ("4")${options.note ? `, ${options.note}` : ''}${IF_MATCH_WHEN[options.ifMatch]}`,
    ),
    ApiResponse({ status: 412, ...errorResponse('If-Match names an older version; `currentVersion` gives the current one') }),
  ];
  if (options.ifMatch !== 'optional') decorators.push(ApiResponse({ status: 428, ...errorResponse('If-Match is required to change a record that exists') }));
  if (options.created) {
    decorators.push(ApiResponse({ status: 200, description: 'Replaced', type: options.type, headers: ETAG }));
    decorators.push(ApiResponse({ status: 201, description: 'Created', type: options.type, headers: ETAG }));
  }
  return applyDecorators(...decorators);
}

const IF_MATCH_WHEN: Record<IfMatchUse, string> = {
  required: '; a stale one is refused with 412',
  'when-exists': ': required to replace one that exists (428 without it), not to create (412 if sent then)',
  optional: ': checked when sent (412 if stale)',
};

/** Documents If-Match once: parameter decorators run before method decorators, so this replaces the IfMatch default. */
function ifMatchHeader(required: boolean, description: string): MethodDecorator {
  return (target, key, descriptor) => {
    type Parameter = { in?: string; name?: string };
    const parameters = (Reflect.getMetadata(DECORATORS.API_PARAMETERS, descriptor.value as object) ?? []) as Parameter[];
    const others = parameters.filter((parameter) => !(parameter.in === 'header' && parameter.name === 'If-Match'));
    Reflect.defineMetadata(DECORATORS.API_PARAMETERS, others, descriptor.value as object);
    ApiHeader({ name: 'If-Match', required, description, schema: { type: 'string', example: '"4"' } })(target, key, descriptor);
  };
}

/**
 * The 200 answer of a paged list (`{ items, page, limit, total }`) as a named schema, so generated
 * clients type the items: `@ApiPage(ArticleResponseDto, 'ArticlePageDto')`.
 */
export function ApiPage(item: Type<unknown>, name: string): MethodDecorator {
  class PageDto {
    @ApiProperty({ type: [item] }) items: unknown[];
    @ApiProperty() page: number;
    @ApiProperty() limit: number;
    @ApiProperty({ description: 'Items matching the filters.' }) total: number;
  }
  Object.defineProperty(PageDto, 'name', { value: name });
  return applyDecorators(ApiExtraModels(PageDto), ApiOkResponse({ type: PageDto }));
}
