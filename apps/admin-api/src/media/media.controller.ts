import { Body, Controller, Delete, Get, HttpCode, Inject, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { CreateExternalMediaDto, MediaItemDto, MediaLimitsDto, MediaService, PageQueryDto, UpdateMediaDto, type Page } from '@kalam/content';
import { ApiPage, ApiErrors, ApiVersionedWrite, createValidationPipe, httpConfig, type HttpConfig, IfMatch, UuidParam } from '@kalam/platform';
import { readUpload } from './read-upload';

@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class MediaController {
  constructor(
    private readonly media: MediaService,
    @Inject(httpConfig.KEY) private readonly http: HttpConfig,
  ) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Media items, newest first' })
  @ApiPage(MediaItemDto, 'MediaPageDto')
  async list(@Query() query: PageQueryDto, @CurrentUser() user: UserEntity): Promise<Page<MediaItemDto>> {
    const page = await this.media.list(query);
    return { ...page, items: await this.media.withPermissions(page.items, user) };
  }

  @AnyRole()
  @Get('limits')
  @ApiOperation({ summary: 'The size limit and image types an upload must fit' })
  @ApiOkResponse({ type: MediaLimitsDto })
  limits(@CurrentUser() user: UserEntity): Promise<MediaLimitsDto> {
    return this.media.limits(user);
  }

  /**
   * Either multipart/form-data with fields `credit`, `translations` (JSON text) and then `file`
   * (JPEG, PNG, GIF, WebP or AVIF), or JSON `{url, credit, translations}` to register an external image.
   */
  @Roles('admin', 'editor', 'author')
  @Post()
  @ApiOperation({
    summary: 'Upload an image, or register an external one',
    description:
      'Either multipart/form-data with fields `credit`, `translations` (JSON text) and then `file` (JPEG, PNG, GIF, WebP or AVIF), or JSON `{url, credit, translations}` to register an external image.',
  })
  @ApiErrors({
    413: 'The file is over the size limit, or the form has too many parts',
    415: 'Not a JPEG, PNG, GIF, WebP or AVIF image',
    422: 'The file is not a readable image',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        {
          type: 'object',
          properties: {
            credit: { type: 'string' },
            translations: { type: 'string', description: 'JSON: {"en": {"caption": "…", "alt": "…"}}' },
            file: { type: 'string', format: 'binary' },
          },
          required: ['file'],
        },
        { $ref: '#/components/schemas/CreateExternalMediaDto' },
      ],
    },
  })
  @ApiCreatedResponse({ type: MediaItemDto })
  async create(@Req() request: FastifyRequest, @CurrentUser() user: UserEntity): Promise<MediaItemDto> {
    let media;
    if (request.isMultipart()) {
      const upload = await readUpload(request, this.media.maxBytes, this.http.maxJsonDepth);
      const fields = await validated(UpdateMediaDto, upload.fields);
      media = await this.media.upload({ bytes: upload.bytes, filename: upload.filename, ...fields }, user);
    } else {
      media = await this.media.createExternal(await validated(CreateExternalMediaDto, request.body), user);
    }
    return (await this.media.withPermissions([media], user))[0];
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'A media item with its captions and alt texts' })
  @ApiOkResponse({ type: MediaItemDto })
  async get(@UuidParam('id') id: string, @CurrentUser() user: UserEntity): Promise<MediaItemDto> {
    return (await this.media.withPermissions([await this.media.get(id)], user))[0];
  }

  @AnyRole()
  @Get(':id/file')
  @ApiOperation({ summary: 'The uploaded file itself' })
  async file(@UuidParam('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.media.file(id);
    await reply
      .header('content-type', file.mimeType)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .send(file.handle.createReadStream());
  }

  // Translators may caption in their locales; the credit stays an editor's or the uploader's (MediaService checks).
  @Roles('admin', 'editor', 'author', 'translator')
  @Patch(':id')
  @ApiOperation({ summary: 'Change the credit and per-locale captions and alt texts (If-Match)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'media item' })
  @ApiOkResponse({ type: MediaItemDto })
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateMediaDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<MediaItemDto> {
    return (await this.media.withPermissions([await this.media.update(id, body, version, user)], user))[0];
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  @ApiOperation({ summary: 'Delete a media item (heroes using it are cleared)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'media item' })
  @HttpCode(204)
  remove(@UuidParam('id') id: string, @IfMatch() version: number | undefined, @CurrentUser() user: UserEntity): Promise<void> {
    return this.media.remove(id, user, version);
  }
}

// This route takes two body shapes, so it cannot declare one @Body type; it runs the global
// validation pipe itself, on whichever shape arrived.
const pipe = createValidationPipe();
function validated<T>(metatype: new () => T, value: unknown): Promise<T> {
  return pipe.transform(value, { type: 'body', metatype }) as Promise<T>;
}
