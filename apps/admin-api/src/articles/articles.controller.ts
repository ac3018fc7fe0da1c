import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { ArticleListQueryDto, ArticleResponseDto, ArticlesService, CreateArticleDto, UpdateArticleDto, type Page } from '@kalam/content';
import { ApiPage, ApiErrors, ApiVersionedWrite, IfMatch, UuidParam } from '@kalam/platform';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Articles, filtered by status, locale and title text' })
  @ApiPage(ArticleResponseDto, 'ArticlePageDto')
  async list(@Query() query: ArticleListQueryDto): Promise<Page<ArticleResponseDto>> {
    const page = await this.articles.list(query);
    return { ...page, items: page.items.map(ArticleResponseDto.from) };
  }

  @Roles('admin', 'editor', 'author')
  @Post()
  @ApiOperation({ summary: 'Create an article: source locale, authors, tags, hero image' })
  @ApiErrors({ 422: 'An unknown author, tag or hero image' })
  @ApiCreatedResponse({ type: ArticleResponseDto })
  async create(@Body() body: CreateArticleDto, @CurrentUser() user: UserEntity): Promise<ArticleResponseDto> {
    return ArticleResponseDto.from(await this.articles.create(body, user));
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'An article with every translation’s summary' })
  @ApiOkResponse({ type: ArticleResponseDto })
  async get(@UuidParam('id') id: string): Promise<ArticleResponseDto> {
    return ArticleResponseDto.from(await this.articles.view(id));
  }

  @Roles('admin', 'editor', 'author')
  @Patch(':id')
  @ApiOperation({ summary: 'Change an article’s authors, tags or hero image (If-Match)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'article' })
  @ApiErrors({ 422: 'An unknown author, tag or hero image' })
  @ApiOkResponse({ type: ArticleResponseDto })
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateArticleDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<ArticleResponseDto> {
    return ArticleResponseDto.from(await this.articles.update(id, body, version, user));
  }

  @Roles('admin', 'editor')
  @Delete(':id')
  @ApiOperation({ summary: 'Delete an article with no live translation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'article' })
  @ApiErrors({ 409: 'A translation of it is live' })
  @HttpCode(204)
  remove(@UuidParam('id') id: string, @IfMatch() version: number | undefined, @CurrentUser() user: UserEntity): Promise<void> {
    return this.articles.remove(id, user, version);
  }
}
