import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import {
  AuthorResponseDto,
  AuthorsService,
  AuthorTranslationResponseDto,
  CreateAuthorDto,
  SearchPageQueryDto,
  PutAuthorTranslationDto,
  UpdateAuthorDto,
  type Page,
} from '@kalam/content';
import { ApiPage, ApiErrors, ApiVersionedWrite, IfMatch, UuidParam } from '@kalam/platform';

@ApiTags('authors')
@ApiBearerAuth()
@Controller('authors')
export class AuthorsController {
  constructor(private readonly authors: AuthorsService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Authors, searchable by name' })
  @ApiPage(AuthorResponseDto, 'AuthorPageDto')
  async list(@Query() query: SearchPageQueryDto): Promise<Page<AuthorResponseDto>> {
    const page = await this.authors.list(query);
    return { ...page, items: page.items.map(AuthorResponseDto.from) };
  }

  @Roles('admin', 'editor', 'author')
  @Post()
  @ApiOperation({ summary: 'Create an author (name, optional slug)' })
  @ApiErrors({ 409: 'The slug is taken' })
  @ApiCreatedResponse({ type: AuthorResponseDto })
  async create(@Body() body: CreateAuthorDto, @CurrentUser() user: UserEntity): Promise<AuthorResponseDto> {
    return AuthorResponseDto.from(await this.authors.create(body, user));
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'An author with every translation of their bio' })
  @ApiOkResponse({ type: AuthorResponseDto })
  async get(@UuidParam('id') id: string): Promise<AuthorResponseDto> {
    return AuthorResponseDto.from(await this.authors.get(id));
  }

  @Roles('admin', 'editor', 'author')
  @Patch(':id')
  @ApiOperation({ summary: 'Change an author’s name or slug (If-Match)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'author' })
  @ApiErrors({ 409: 'The slug is taken' })
  @ApiOkResponse({ type: AuthorResponseDto })
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateAuthorDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<AuthorResponseDto> {
    return AuthorResponseDto.from(await this.authors.update(id, body, version, user));
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  @ApiOperation({ summary: 'Delete an author no article names' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'author' })
  @ApiErrors({ 409: 'An article names the author' })
  @HttpCode(204)
  remove(@UuidParam('id') id: string, @IfMatch() version: number | undefined, @CurrentUser() user: UserEntity): Promise<void> {
    return this.authors.remove(id, user, version);
  }

  @AnyRole()
  @Put(':id/translations/:locale')
  @ApiOperation({ summary: 'Create or replace the author’s name, title and bio in a locale' })
  @ApiVersionedWrite({ ifMatch: 'when-exists', of: 'translation', type: AuthorTranslationResponseDto, created: true })
  async putTranslation(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @Body() body: PutAuthorTranslationDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthorTranslationResponseDto> {
    const { translation, created } = await this.authors.putTranslation(id, locale, body, version, user);
    void reply.status(created ? 201 : 200);
    return AuthorTranslationResponseDto.from(translation);
  }

  @Roles('admin', 'editor')
  @Delete(':id/translations/:locale')
  @ApiOperation({ summary: 'Delete the author’s text in a locale' })
  @HttpCode(204)
  removeTranslation(@UuidParam('id') id: string, @Param('locale') locale: string, @CurrentUser() user: UserEntity): Promise<void> {
    return this.authors.removeTranslation(id, locale, user);
  }
}
