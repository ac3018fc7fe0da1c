import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsTimestamp } from '@kalam/i18n';
import { TRANSITIONS, type Transition } from '@kalam/workflow';

export class TransitionDto {
  @ApiPropertyOptional({ description: 'Required by request-changes (what should change); a note on any other step. Stored as a review comment.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  comment?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'With publish: publish at this time instead of now (the worker does it within seconds of it).' })
  @IsOptional()
  @IsTimestamp()
  publishAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'With unpublish: take the live text down at this time.' })
  @IsOptional()
  @IsTimestamp()
  unpublishAt?: string;
}

export class TransitionResultDto {
  @ApiProperty() locale: string;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) liveRevisionId: string | null;
  @ApiProperty({ nullable: true, type: String }) liveSlug: string | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) publishAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) unpublishAt: Date | null;
  @ApiProperty({ enum: TRANSITIONS, isArray: true, description: 'What can be done next.' }) allowed: Transition[];
}
