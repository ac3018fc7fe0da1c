import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsTimestamp } from '@kalam/i18n';
import { PageQueryDto, TRANSLATION_STATUSES, type TranslationStatus } from '@kalam/content';
import { JOB_KINDS, JOB_PRIORITIES, JOB_STATUSES, type JobKind, type JobPriority, type JobStatus } from '@kalam/translation';

export class JobAssigneeDto {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

export class JobDto {
  @ApiProperty() id: string;
  @ApiProperty() articleId: string;
  @ApiProperty({ description: 'The language to translate into.' }) locale: string;
  @ApiProperty({ enum: JOB_KINDS }) kind: JobKind;
  @ApiProperty({ enum: JOB_STATUSES, description: 'A claim whose lease ran out reads as open.' }) status: JobStatus;
  @ApiProperty({ description: 'The source revision to translate.' }) sourceRevisionId: string;
  @ApiProperty({ type: JobAssigneeDto, nullable: true }) assignee: JobAssigneeDto | null;
  @ApiProperty({ nullable: true, type: Date }) claimedUntil: Date | null;
  @ApiProperty({ enum: JOB_PRIORITIES }) priority: JobPriority;
  @ApiProperty({ nullable: true, type: Date }) dueAt: Date | null;
  @ApiProperty() openedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiProperty({ description: 'For If-Match on PATCH.' }) version: number;
}

export class QueueItemDto {
  @ApiProperty() id: string;
  @ApiProperty() articleId: string;
  @ApiProperty({ nullable: true, type: String, description: 'The article’s title in its source locale.' }) title: string | null;
  @ApiProperty() sourceLocale: string;
  @ApiProperty({ enum: JOB_KINDS }) kind: JobKind;
  @ApiProperty({ enum: ['open', 'claimed', 'in_review'] }) status: JobStatus;
  @ApiProperty({ type: JobAssigneeDto, nullable: true }) assignee: JobAssigneeDto | null;
  @ApiProperty({ nullable: true, type: Date }) claimedUntil: Date | null;
  @ApiProperty({ enum: JOB_PRIORITIES }) priority: JobPriority;
  @ApiProperty({ nullable: true, type: Date }) dueAt: Date | null;
  @ApiProperty() openedAt: Date;
  @ApiProperty() version: number;
  @ApiProperty({
    nullable: true,
    enum: TRANSLATION_STATUSES,
    description: 'The target translation’s workflow status, null before its first save (`changes_requested`: sent back by a reviewer)',
  })
  translationStatus: TranslationStatus | null;
}

export class QueueCountsDto {
  @ApiProperty() open: number;
  @ApiProperty() claimed: number;
  @ApiProperty() in_review: number;
}

export class QueueDto {
  @ApiProperty({ type: [QueueItemDto] }) items: QueueItemDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ description: 'Items matching the filters.' }) total: number;
  @ApiProperty({ type: QueueCountsDto, description: 'All active jobs of the locale by status, filters aside.' }) counts: QueueCountsDto;
}

export class QueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'claimed', 'in_review'] })
  @IsOptional()
  @IsIn(['open', 'claimed', 'in_review'])
  status?: 'open' | 'claimed' | 'in_review';

  @ApiPropertyOptional({ enum: JOB_KINDS })
  @IsOptional()
  @IsIn(JOB_KINDS)
  kind?: JobKind;

  @ApiPropertyOptional({ enum: JOB_PRIORITIES })
  @IsOptional()
  @IsIn(JOB_PRIORITIES)
  priority?: JobPriority;

  @ApiPropertyOptional({ description: 'A user id, or `me`.' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== 'me')
  @IsUUID()
  assignee?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  articleId?: string;
}

export class UpdateJobDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Assign to this user (a claim on their behalf), or null to put the job back in the queue.',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ enum: JOB_PRIORITIES })
  @ValidateIf((_o, value) => value !== undefined)
  @IsIn(JOB_PRIORITIES)
  priority?: JobPriority;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsTimestamp()
  dueAt?: string | null;
}

export class SubmitJobDto {
  @ApiPropertyOptional({ description: 'A note for the reviewer, kept as a review comment.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  comment?: string;

  @ApiPropertyOptional({
    description:
      'The job’s source revision (from GET /jobs/{id}): the translator declares the text translates it, having checked it against the diff. Without it, the text translates the revision current when it was last saved. Another revision → 409 job.source_moved.',
  })
  @IsOptional()
  @IsUUID()
  sourceRevisionId?: string;
}
