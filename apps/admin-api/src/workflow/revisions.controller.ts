import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import type { RevisionEntity } from '@kalam/content';
import { ApiErrors, ApiVersionedWrite, IfMatch, UuidParam } from '@kalam/platform';
import { DraftsService, RevisionsService } from '@kalam/workflow';
import { RevisionTextDto, TextDiffDto } from './dto/revision-text.dto';

class RevisionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty({ description: 'The translation version this revision captured.' }) translationVersion: number;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'True for the revision readers get.' }) live: boolean;

  static from(revision: RevisionEntity, live: boolean): RevisionSummaryDto {
    const { id, number, translationVersion, message, createdBy, createdAt } = revision;
    return { id, number, translationVersion, message, createdBy, createdAt, live };
  }
}

class RevisionDto extends RevisionSummaryDto {
  @ApiProperty({ description: 'Every field as it was, and the sources the text cited then.' }) snapshot: RevisionTextDto;
}

class RevisionDiffDto {
  @ApiProperty() from: RevisionSummaryDto;
  @ApiProperty() to: RevisionSummaryDto;
  @ApiProperty({ description: 'Changed fields (word-level), body paragraphs (added, removed, changed), changed sources.' }) diff: TextDiffDto;
}

class RestoredDto {
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String }) revisionId: string | null;
}

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('articles/:id/translations/:locale/revisions')
export class RevisionsController {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly drafts: DraftsService,
  ) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Revisions of a translation, newest first' })
  @ApiOkResponse({ type: [RevisionSummaryDto] })
  async list(@UuidParam('id') id: string, @Param('locale') locale: string): Promise<RevisionSummaryDto[]> {
    return (await this.revisions.list(id, locale)).map(({ revision, live }) => RevisionSummaryDto.from(revision, live));
  }

  @AnyRole()
  @Get(':revisionId')
  @ApiOperation({ summary: 'One revision’s full snapshot' })
  @ApiOkResponse({ type: RevisionDto })
  async get(@UuidParam('id') id: string, @Param('locale') locale: string, @UuidParam('revisionId') revisionId: string): Promise<RevisionDto> {
    const revision = await this.revisions.get(id, locale, revisionId);
    return { ...RevisionSummaryDto.from(revision, false), snapshot: revision.snapshot };
  }

  @AnyRole()
  @Get(':from/diff/:to')
  @ApiOperation({ summary: 'What changed between two revisions, per field and per body paragraph' })
  @ApiOkResponse({ type: RevisionDiffDto })
  async diff(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @UuidParam('from') from: string,
    @UuidParam('to') to: string,
  ): Promise<RevisionDiffDto> {
    const result = await this.revisions.diff(id, locale, from, to);
    return { from: RevisionSummaryDto.from(result.from, false), to: RevisionSummaryDto.from(result.to, false), diff: result.diff };
  }

  /** A new draft (and a new revision) with the old revision's text; If-Match names the current version. */
  @Roles('admin', 'editor', 'author', 'translator')
  @Post(':revisionId/restore')
  @ApiOperation({ summary: "A new draft (and a new revision) with the old revision's text" })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'translation' })
  @ApiErrors({ 409: 'The translation is archived (reopen it first)' })
  @HttpCode(200)
  @ApiOkResponse({ type: RestoredDto })
  async restore(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @UuidParam('revisionId') revisionId: string,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<RestoredDto> {
    const { translation, revision } = await this.drafts.restore(id, locale, revisionId, version, user);
    return { status: translation.status, version: translation.version, revisionId: revision?.id ?? null };
  }
}
