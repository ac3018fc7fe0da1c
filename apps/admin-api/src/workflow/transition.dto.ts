import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TRANSITIONS, type Transition } from '@kalam/workflow';

export class TransitionDto {
  @ApiPropertyOptional({ description: 'Required by request-changes: what should change. Stored as a review comment.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  comment?: string;
}

export class TransitionResultDto {
  @ApiProperty() locale: string;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String }) liveRevisionId: string | null;
  @ApiProperty({ nullable: true, type: String }) liveSlug: string | null;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ enum: TRANSITIONS, isArray: true, description: 'What can be done next.' }) allowed: Transition[];
}
