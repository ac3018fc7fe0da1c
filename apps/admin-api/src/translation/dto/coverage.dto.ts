import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class WaitingJobDto {
  @ApiProperty() id: string;
  @ApiProperty() articleId: string;
  @ApiProperty() kind: string;
  @ApiProperty() status: string;
  @ApiProperty() openedAt: Date;
}

export class LocaleCoverageDto {
  @ApiProperty() locale: string;
  @ApiProperty({ description: 'Articles live in their source locale (another locale than this one).' }) published: number;
  @ApiProperty({ description: 'Live here, translating the source’s live revision.' }) upToDate: number;
  @ApiProperty({ description: 'Live here, translating an older source revision.' }) outdated: number;
  @ApiProperty({ description: 'Not live here.' }) missing: number;
  @ApiProperty() activeJobs: number;
  @ApiProperty({ type: WaitingJobDto, nullable: true }) oldestWaitingJob: WaitingJobDto | null;
}

export class ArticleCoverageDto {
  @ApiProperty() locale: string;
  @ApiProperty({ enum: ['source', 'up_to_date', 'outdated', 'missing'] }) state: string;
  @ApiProperty({ nullable: true, type: String }) liveRevisionId: string | null;
  @ApiProperty({ type: WaitingJobDto, nullable: true }) job: WaitingJobDto | null;
}

export class CoverageQueryDto {
  @ApiPropertyOptional({ description: 'One article’s state per locale instead of the totals.' })
  @IsOptional()
  @IsUUID()
  article?: string;
}

export class BackfillResultDto {
  @ApiProperty({ description: 'Jobs opened.' }) opened: number;
}
