import { Body, Controller, Get, HttpCode, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { ApiErrors, ApiVersionedWrite, decodeUtf8Body, IfMatch, UuidParam } from '@kalam/platform';
import { JobsService, JobTextService, XliffService } from '@kalam/translation';
import { JobDetailDto, PretranslateResultDto, XliffImportResultDto } from './dto/job-detail.dto';
import { JobDto, SubmitJobDto, UpdateJobDto } from './dto/job.dto';

const STAFF = ['admin', 'editor', 'translator'] as const;

@ApiTags('translation')
@ApiBearerAuth()
@Controller('jobs/:id')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly text: JobTextService,
    private readonly xliff: XliffService,
  ) {}

  @Roles(...STAFF)
  @Get()
  @ApiOperation({ summary: 'A job with its source text, the translation, the source diff since its base, and memory matches per unit' })
  @ApiOkResponse({ type: JobDetailDto })
  detail(@UuidParam('id') id: string, @CurrentUser() user: UserEntity): Promise<JobDetailDto> {
    return this.text.detail(id, user);
  }

  @Roles(...STAFF)
  @Post('claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take the job for the lease time (claiming again renews it); 409 names who holds it until when' })
  @ApiErrors({ 409: 'Someone else holds it (the answer says who, until when), or it cannot be claimed in its state' })
  @ApiOkResponse({ type: JobDto })
  claim(@UuidParam('id') id: string, @CurrentUser() user: UserEntity): Promise<JobDto> {
    return this.jobs.claim(id, user);
  }

  @Roles(...STAFF)
  @Post('release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the job back to the queue (its holder, or an editor)' })
  @ApiErrors({ 409: 'The job is not claimed' })
  @ApiOkResponse({ type: JobDto })
  release(@UuidParam('id') id: string, @CurrentUser() user: UserEntity): Promise<JobDto> {
    return this.jobs.release(id, user);
  }

  @Roles(...STAFF)
  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the translation for review through the workflow (footnote checks included)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'translation', note: 'from `translation.version`' })
  @ApiErrors({
    409: 'The job is not active, its source moved on, or the translation cannot be submitted from its status',
    422: 'Footnotes cite missing sources',
  })
  @ApiOkResponse({ type: JobDto })
  async submit(
    @UuidParam('id') id: string,
    @Body() body: SubmitJobDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<JobDto> {
    return (await this.jobs.submit(id, version, user, { comment: body.comment, sourceRevisionId: body.sourceRevisionId })).job;
  }

  @Roles('admin', 'editor')
  @Patch()
  @ApiOperation({ summary: 'Assign or unassign, set priority and due date (editors)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'job' })
  @ApiErrors({ 409: 'The job cannot be assigned in its state', 422: 'The assignee may not translate into the locale' })
  @ApiOkResponse({ type: JobDto })
  update(@UuidParam('id') id: string, @Body() body: UpdateJobDto, @IfMatch() version: number | undefined, @CurrentUser() user: UserEntity): Promise<JobDto> {
    const changes = {
      assigneeId: body.assigneeId,
      priority: body.priority,
      dueAt: body.dueAt === undefined ? undefined : body.dueAt === null ? null : new Date(body.dueAt),
    };
    return this.jobs.change(id, changes, version, user);
  }

  @Roles(...STAFF)
  @Post('pretranslate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fill untranslated units with exact (100 %) memory matches, as a new revision' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'translation' })
  @ApiErrors({ 409: 'The job is not active, or the translation no longer aligns with the source' })
  @ApiOkResponse({ type: PretranslateResultDto })
  async pretranslate(@UuidParam('id') id: string, @IfMatch() version: number | undefined, @CurrentUser() user: UserEntity): Promise<PretranslateResultDto> {
    const { applied, saved } = await this.text.pretranslate(id, user, version);
    return { applied, version: saved?.translation.version ?? null, revisionId: saved?.revision?.id ?? null };
  }

  @Roles(...STAFF)
  @Get('xliff')
  @ApiOperation({ summary: 'The job as an XLIFF 2.0 file: one unit per field and body paragraph, footnotes as protected codes' })
  @ApiErrors({ 409: 'The job is not active' })
  @ApiProduces('application/xliff+xml')
  @ApiOkResponse({ description: 'XLIFF 2.0', schema: { type: 'string' } })
  async exportXliff(@UuidParam('id') id: string, @CurrentUser() user: UserEntity, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { xml, filename } = await this.xliff.export(id, user);
    void reply.header('content-type', 'application/xliff+xml; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
    return xml;
  }

  @Roles(...STAFF)
  @Put('xliff')
  @ApiOperation({ summary: 'Import the filled XLIFF file as a new revision of the translation; refused whole, naming each wrong unit' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'translation', note: 'overrides the version recorded in the file' })
  @ApiErrors({
    409: 'The source moved on since the export, the translation was created meanwhile, or the job is not active',
    413: 'The file is over the body limit',
    415: 'Not an XLIFF or XML content type',
    422: 'Another job’s file, other locales, or units that are unknown, missing or invalid',
  })
  @ApiConsumes('application/xliff+xml', 'application/xml', 'text/xml')
  @ApiBody({ schema: { type: 'string' } })
  @ApiOkResponse({ type: XliffImportResultDto })
  async importXliff(
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<XliffImportResultDto> {
    if (!Buffer.isBuffer(request.body))
      throw new KalamError(415, 'request.unsupported_media_type', { type: String(request.headers['content-type'] ?? '—').slice(0, 80) });
    const xml = decodeUtf8Body(request.body);
    const saved = await this.xliff.import(id, xml, version, user);
    return { units: saved.units, status: saved.translation.status, version: saved.translation.version, revisionId: saved.revision?.id ?? null };
  }
}
