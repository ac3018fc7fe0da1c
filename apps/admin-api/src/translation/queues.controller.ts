import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { CoverageService, QueuesService, type ArticleCoverage, type LocaleCoverage } from '@kalam/translation';
import { ArticleCoverageDto, BackfillResultDto, CoverageQueryDto, LocaleCoverageDto } from './dto/coverage.dto';
import { QueueDto, QueueQueryDto } from './dto/job.dto';

@ApiTags('translation')
@ApiBearerAuth()
@Controller()
export class QueuesController {
  constructor(
    private readonly queues: QueuesService,
    private readonly coverage: CoverageService,
  ) {}

  @Roles('admin', 'editor', 'translator')
  @Get('queues/:locale')
  @ApiOperation({ summary: 'A language’s open, claimed and in-review jobs: most urgent first, then by due date, then oldest' })
  @ApiOkResponse({ type: QueueDto })
  list(@Param('locale') locale: string, @Query() query: QueueQueryDto, @CurrentUser() user: UserEntity): Promise<QueueDto> {
    return this.queues.list(locale, query, user);
  }

  @Roles('admin', 'editor')
  @Post('queues/:locale/backfill')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the jobs a locale is owed for every article whose source is live (for a locale added later)' })
  @ApiOkResponse({ type: BackfillResultDto })
  backfill(@Param('locale') locale: string, @CurrentUser() user: UserEntity): Promise<BackfillResultDto> {
    return this.queues.backfill(locale, user);
  }

  @Roles('admin', 'editor', 'translator')
  @Get('translation-status')
  @ApiOperation({
    summary: 'Per locale: published source articles up to date, outdated or missing, and the oldest waiting job; with ?article= one article per locale',
  })
  @ApiExtraModels(LocaleCoverageDto, ArticleCoverageDto)
  @ApiOkResponse({ schema: { type: 'array', items: { oneOf: [{ $ref: getSchemaPath(LocaleCoverageDto) }, { $ref: getSchemaPath(ArticleCoverageDto) }] } } })
  status(@Query() query: CoverageQueryDto, @CurrentUser() user: UserEntity): Promise<LocaleCoverage[] | ArticleCoverage[]> {
    return query.article ? this.coverage.byArticle(query.article, user) : this.coverage.byLocale(user);
  }
}
