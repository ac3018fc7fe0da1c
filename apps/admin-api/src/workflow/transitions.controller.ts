import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { ApiErrors, ApiVersionedWrite, IfMatch, UuidParam } from '@kalam/platform';
import { isTransition, TRANSITIONS, TransitionsService } from '@kalam/workflow';
import { TransitionDto, TransitionResultDto } from './transition.dto';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('articles/:id/translations/:locale')
export class TransitionsController {
  constructor(private readonly transitions: TransitionsService) {}

  /**
   * Moves the translation through the workflow; If-Match must name the version acted on. An
   * illegal step answers 409 with the allowed ones in `details.allowed`.
   */
  @Roles('admin', 'editor', 'author', 'translator')
  @Post(':transition')
  @ApiOperation({ summary: 'Move the translation through the workflow: submit, approve, request-changes, publish, unpublish, archive, reopen' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'translation' })
  @ApiErrors({
    409: 'The transition is not open from this status (the answer lists those that are), or the slug is taken by a live article',
    422: 'Submitted text whose footnotes cite missing sources',
  })
  @HttpCode(200)
  @ApiParam({ name: 'transition', enum: TRANSITIONS })
  @ApiOkResponse({ type: TransitionResultDto })
  async apply(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @Param('transition') transition: string,
    @Body() body: TransitionDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<TransitionResultDto> {
    if (!isTransition(transition))
      throw KalamError.notFound('workflow.unknown_transition', { transition: transition.slice(0, 40), known: TRANSITIONS.join(', ') });
    const misplaced = (['publishAt', 'unpublishAt'] as const).find((field) => body[field] !== undefined && field !== `${transition}At`);
    if (misplaced) throw KalamError.badRequest('request.validation_failed', { count: 1 }, [{ field: misplaced, code: 'validation.whitelistValidation' }]);
    const input = {
      comment: body.comment,
      publishAt: body.publishAt ? new Date(body.publishAt) : undefined,
      unpublishAt: body.unpublishAt ? new Date(body.unpublishAt) : undefined,
    };
    const { translation: t, allowed } = await this.transitions.apply(id, locale, transition, version, user, input);
    const { status, liveRevisionId, liveSlug, publishedAt, publishAt, unpublishAt } = t;
    return { locale: t.locale, status, version: t.version, liveRevisionId, liveSlug, publishedAt, publishAt, unpublishAt, allowed };
  }
}
