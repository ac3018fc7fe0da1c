import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ReviewCommentEntity } from '../review-comment.entity';

export const COMMENT_FIELDS = ['title', 'subtitle', 'slug', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;

export class CreateCommentDto {
  @ApiProperty({ example: 'The second paragraph contradicts footnote 3.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  body: string;

  @ApiPropertyOptional({ enum: COMMENT_FIELDS, description: 'The field the comment is about.' })
  @IsOptional()
  @IsIn(COMMENT_FIELDS)
  field?: (typeof COMMENT_FIELDS)[number];

  @ApiPropertyOptional({ description: 'For the body: the paragraph (1-based, blocks separated by blank lines).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  paragraph?: number;
}

export class ReplyCommentDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  body: string;
}

export class CommentResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String }) revisionId: string | null;
  @ApiProperty({ nullable: true, type: String }) field: string | null;
  @ApiProperty({ nullable: true, type: Number }) paragraph: number | null;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) authorId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The author’s display name (else email); null once the account is deleted' })
  authorName: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() resolved: boolean;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) resolvedBy: string | null;

  /** `names`: authors' names by user id (CommentsService.authorNames). */
  static from(comment: ReviewCommentEntity, names: ReadonlyMap<string, string>): CommentResponseDto {
    const { id, parentId, revisionId, field, paragraph, body, authorId, createdAt, resolvedAt, resolvedBy } = comment;
    const authorName = authorId ? (names.get(authorId) ?? null) : null;
    return { id, parentId, revisionId, field, paragraph, body, authorId, authorName, createdAt, resolved: resolvedAt !== null, resolvedAt, resolvedBy };
  }
}
