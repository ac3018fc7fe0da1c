import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { ArticlesService, CreateSourceDto, ReorderSourcesDto, SourceResponseDto, SourcesService, UpdateSourceDto } from '@kalam/content';
import { ApiErrors, ApiVersionedWrite, IfMatch, PositionParam, UuidParam } from '@kalam/platform';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('articles/:id/sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly articles: ArticlesService,
  ) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'The article’s numbered footnote sources' })
  @ApiOkResponse({ type: [SourceResponseDto] })
  async list(@UuidParam('id') id: string): Promise<SourceResponseDto[]> {
    await this.articles.require(id);
    return (await this.sources.list(id)).map(SourceResponseDto.from);
  }

  @Roles('admin', 'editor', 'author')
  @Post()
  @ApiOperation({ summary: 'Add a source at the next position' })
  @ApiCreatedResponse({ type: SourceResponseDto })
  async add(@UuidParam('id') id: string, @Body() body: CreateSourceDto, @CurrentUser() user: UserEntity): Promise<SourceResponseDto> {
    return SourceResponseDto.from(await this.sources.add(id, body, user));
  }

  @Roles('admin', 'editor', 'author')
  @Post('reorder')
  @ApiOperation({ summary: 'Reorder sources; footnote numbers in every translation follow' })
  @ApiErrors({ 422: 'The order does not name every source once' })
  @HttpCode(200)
  @ApiOkResponse({ type: [SourceResponseDto] })
  async reorder(@UuidParam('id') id: string, @Body() body: ReorderSourcesDto, @CurrentUser() user: UserEntity): Promise<SourceResponseDto[]> {
    return (await this.sources.reorder(id, body.order, user)).map(SourceResponseDto.from);
  }

  @Roles('admin', 'editor', 'author')
  @Patch(':position')
  @ApiOperation({ summary: 'Change a source (If-Match)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'source' })
  @ApiOkResponse({ type: SourceResponseDto })
  async update(
    @UuidParam('id') id: string,
    @PositionParam('position') position: number,
    @Body() body: UpdateSourceDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<SourceResponseDto> {
    return SourceResponseDto.from(await this.sources.update(id, position, body, version, user));
  }

  @Roles('admin', 'editor', 'author')
  @Delete(':position')
  @ApiOperation({ summary: 'Remove a source; later footnotes are renumbered in every translation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'source' })
  @ApiErrors({ 409: 'A translation cites it' })
  @HttpCode(204)
  remove(
    @UuidParam('id') id: string,
    @PositionParam('position') position: number,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<void> {
    return this.sources.remove(id, position, version, user);
  }
}
