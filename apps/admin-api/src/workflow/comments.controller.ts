import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { UuidParam } from '@kalam/platform';
import { CommentResponseDto, CommentsService, CreateCommentDto, ReplyCommentDto, type ReviewCommentEntity } from '@kalam/workflow';

const EVERY_ROLE = ['admin', 'editor', 'author', 'translator'] as const;

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('articles/:id/translations/:locale/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** Oldest first; replies carry their thread's `parentId`. */
  @Roles(...EVERY_ROLE)
  @Get()
  @ApiOperation({ summary: 'Review comments of a translation, oldest first' })
  @ApiOkResponse({ type: [CommentResponseDto] })
  async list(@UuidParam('id') id: string, @Param('locale') locale: string, @CurrentUser() user: UserEntity): Promise<CommentResponseDto[]> {
    return this.present(await this.comments.list(id, locale, user));
  }

  @Roles(...EVERY_ROLE)
  @Post()
  @ApiOperation({ summary: 'Comment on a translation (optionally on a field or paragraph)' })
  @ApiCreatedResponse({ type: CommentResponseDto })
  async create(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @Body() body: CreateCommentDto,
    @CurrentUser() user: UserEntity,
  ): Promise<CommentResponseDto> {
    return this.presentOne(await this.comments.create(id, locale, body, user));
  }

  @Roles(...EVERY_ROLE)
  @Post(':commentId/reply')
  @ApiOperation({ summary: 'Reply to a comment' })
  @ApiCreatedResponse({ type: CommentResponseDto })
  async reply(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @UuidParam('commentId') commentId: string,
    @Body() body: ReplyCommentDto,
    @CurrentUser() user: UserEntity,
  ): Promise<CommentResponseDto> {
    return this.presentOne(await this.comments.reply(id, locale, commentId, body.body, user));
  }

  @Roles(...EVERY_ROLE)
  @Post(':commentId/resolve')
  @ApiOperation({ summary: 'Mark a comment thread resolved' })
  @HttpCode(200)
  @ApiOkResponse({ type: CommentResponseDto })
  async resolve(
    @UuidParam('id') id: string,
    @Param('locale') locale: string,
    @UuidParam('commentId') commentId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<CommentResponseDto> {
    return this.presentOne(await this.comments.resolve(id, locale, commentId, user));
  }

  private async presentOne(comment: ReviewCommentEntity): Promise<CommentResponseDto> {
    return (await this.present([comment]))[0];
  }

  private async present(comments: ReviewCommentEntity[]): Promise<CommentResponseDto[]> {
    const names = await this.comments.authorNames(comments);
    return comments.map((comment) => CommentResponseDto.from(comment, names));
  }
}
