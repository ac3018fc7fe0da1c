import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseDto, UuidParam } from '@kalam/platform';
import { matchesEtag } from '../cache/cache-hook';
import { parseRenditionRequest, RENDITION_FORMATS, RENDITION_WIDTHS } from './rendition-request';
import { RenditionsService } from './renditions.service';

const IMAGE_TYPES = ['image/webp', 'image/avif', 'image/jpeg', 'image/png', 'image/gif'];

@ApiTags('media')
@Controller('media')
export class MediaRenditionsController {
  constructor(private readonly renditions: RenditionsService) {}

  @Get(':id')
  @ApiOperation({
    summary: 'An uploaded image, or a rendition of it by width and format',
    description: 'Cached for a year (`immutable`): the file behind an id never changes. External images are not served: use their own URL.',
  })
  @ApiQuery({ name: 'w', required: false, enum: RENDITION_WIDTHS.map(String), description: 'Width in pixels (never enlarged)' })
  @ApiQuery({ name: 'format', required: false, enum: RENDITION_FORMATS })
  @ApiResponse({
    status: 200,
    description: 'The image: the uploaded file as it is without parameters (JPEG, PNG, GIF, WebP or AVIF), else a rendition in the asked format',
    content: Object.fromEntries(IMAGE_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    headers: {
      ETag: { description: 'Strong validator', schema: { type: 'string' } },
      'Cache-Control': { description: '`public, max-age=31536000, immutable`', schema: { type: 'string' } },
      'Surrogate-Key': { description: '`media:<id>`', schema: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: 'A width or format outside the allow-lists, or another parameter' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown media, an external image, or its file is gone' })
  @ApiResponse({ status: 422, type: ErrorResponseDto, description: 'The stored file is not a readable image' })
  async get(@UuidParam('id') id: string, @Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const rendition = await this.renditions.get(id, parseRenditionRequest(query));
    const headers = {
      'cache-control': 'public, max-age=31536000, immutable',
      etag: rendition.etag,
      'surrogate-key': `media:${id}`,
      // The type comes from the bytes at upload time; browsers must not second-guess it.
      'x-content-type-options': 'nosniff',
    };
    if (matchesEtag(request.headers['if-none-match'], rendition.etag)) {
      void reply.code(304).headers(headers).send();
      return;
    }
    void reply
      .code(200)
      .headers({ ...headers, 'content-type': rendition.mimeType, 'content-length': String(rendition.bytes.length) })
      .send(rendition.bytes);
  }
}
