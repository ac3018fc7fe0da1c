import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { ArticleTranslationsService, PutTranslationDto, TranslationResponseDto, type FootnoteReport } from '@kalam/content';
import { currentLanguage } from '@kalam/core';
import { Messages } from '@kalam/i18n';
import { ApiErrors, ApiVersionedWrite, IfMatch, UuidParam } from '@kalam/platform';
import { DraftsService, allowedTransitions, stateOf } from '@kalam/workflow';
import { FootnoteChecksDto, TranslationDetailDto, TranslationWriteResultDto } from './article-translation.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('articles/:id/translations/:locale')
export class ArticleTranslationsController {
  constructor(
    private readonly translations: ArticleTranslationsService,
    private readonly drafts: DraftsService,
    private readonly messages: Messages,
  ) {}

  /**
   * Creates the translation (201), or replaces its text (200) when If-Match names the current
   * version. Changed text records a revision and sends the translation back to draft; a live
   * revision keeps serving until the draft is published.
   */
  @Roles('admin', 'editor', 'author', 'translator')
  @Put()
  @ApiOperation({ summary: 'Create the translation (201), or replace its text (200) when If-Match names the current version' })
  @ApiErrors({ 409: 'The slug is taken in the locale, or the translation is archived (reopen it first)' })
  @ApiVersionedWrite({ ifMatch: 'when-exists', of: 'translation', type: TranslationWriteResultDto, created: true })
  async put(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @Body() body: PutTranslationDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TranslationWriteResultDto> {
    const { translation, created, revision } = await this.drafts.save(id, locale, body, version, user);
    void reply.status(created ? 201 : 200);
    return { locale: translation.locale, slug: translation.slug, status: translation.status, version: translation.version, revisionId: revision?.id ?? null };
  }

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'One translation with its working text, status, versions and rendered body' })
  @ApiOkResponse({ type: TranslationDetailDto })
  async get(@UuidParam('id') id: string, @Param('locale') locale: string): Promise<TranslationDetailDto> {
    const detail = await this.translations.get(id, locale);
    const { publishAt, unpublishAt } = detail.translation;
    return { ...TranslationResponseDto.fromDetail(detail), publishAt, unpublishAt, allowed: allowedTransitions(stateOf(detail.translation)) };
  }

  @Roles('admin', 'editor')
  @Delete()
  @ApiOperation({ summary: 'Delete a translation that was never published' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'translation' })
  @ApiErrors({ 409: 'The translation is live' })
  @HttpCode(204)
  remove(@UuidParam('id') id: string, @Param('locale') locale: string, @IfMatch() version: number | undefined, @CurrentUser() user: UserEntity): Promise<void> {
    return this.translations.remove(id, locale, user, version);
  }

  @AnyRole()
  @Get('checks')
  @ApiOperation({ summary: 'Footnote checks of a translation: errors (cited without source) and warnings (source not cited)' })
  @ApiOkResponse({ type: FootnoteChecksDto })
  async checks(@UuidParam('id') id: string, @Param('locale') locale: string): Promise<FootnoteChecksDto> {
    const report: FootnoteReport = await this.translations.checks(id, locale);
    const language = currentLanguage();
    const present = (issues: FootnoteReport['errors']) =>
      issues.map((issue) => ({ ...issue, message: this.messages.t(language, `footnotes.${issue.code}`, { footnote: issue.footnote }) }));
    return { errors: present(report.errors), warnings: present(report.warnings) };
  }
}
