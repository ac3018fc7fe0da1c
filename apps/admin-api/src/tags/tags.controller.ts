import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { CreateTagDto, SearchPageQueryDto, TagResponseDto, TagsService, TagTranslationInputDto, type Page } from '@kalam/content';
import { ApiPage, ApiErrors, ApiVersionedWrite, IfMatch, UuidParam, versionEtag } from '@kalam/platform';

@ApiTags('tags')
@ApiBearerAuth()
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Tags, searchable by name' })
  @ApiPage(TagResponseDto, 'TagPageDto')
  async list(@Query() query: SearchPageQueryDto): Promise<Page<TagResponseDto>> {
    const page = await this.tags.list(query);
    return { ...page, items: page.items.map(TagResponseDto.from) };
  }

  @Roles('admin', 'editor', 'author')
  @Post()
  @ApiOperation({ summary: 'Create a tag with its names per locale' })
  @ApiErrors({ 409: 'A slug is taken in its locale' })
  @ApiCreatedResponse({ type: TagResponseDto })
  async create(@Body() body: CreateTagDto, @CurrentUser() user: UserEntity): Promise<TagResponseDto> {
    return TagResponseDto.from(await this.tags.create(body.translations, user));
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'A tag with its names per locale' })
  @ApiOkResponse({ type: TagResponseDto })
  async get(@UuidParam('id') id: string): Promise<TagResponseDto> {
    return TagResponseDto.from(await this.tags.get(id));
  }

  @AnyRole()
  @Put(':id/translations/:locale')
  @ApiOperation({ summary: 'Create or replace a tag’s name and slug in a locale' })
  @ApiVersionedWrite({ ifMatch: 'when-exists', of: 'tag translation', type: TagResponseDto, created: true })
  @ApiErrors({ 409: 'The slug is taken in the locale' })
  async putTranslation(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @Body() body: TagTranslationInputDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TagResponseDto> {
    const { tag, created } = await this.tags.putTranslation(id, locale, body, version, user);
    void reply.status(created ? 201 : 200).header('etag', versionEtag(tag.translations!.find((t) => t.locale === locale)!.version));
    return TagResponseDto.from(tag);
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  @ApiOperation({ summary: 'Delete a tag (articles lose it)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'tag' })
  @HttpCode(204)
  remove(@UuidParam('id') id: string, @IfMatch() version: number | undefined, @CurrentUser() user: UserEntity): Promise<void> {
    return this.tags.remove(id, user, version);
  }
}
