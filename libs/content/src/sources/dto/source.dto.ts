import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import type { SourceEntity } from '../source.entity';

export class CreateSourceDto {
  @ApiProperty({ example: 'Joint statement on transboundary water sharing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ example: 'Ministry of Energy' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  publisher?: string;

  @ApiPropertyOptional({ example: 'https://example.org/statement' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: '2024-03-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  accessedOn?: string;

  @ApiPropertyOptional({ example: 'ru', description: 'Language of the cited work.' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)
  language?: string;

  @ApiPropertyOptional({ description: 'Insert at this position (later sources and their footnotes move up by one); appended when left out.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  position?: number;
}

/** Moving a source is a reorder (which renumbers footnotes), not an edit. */
export class UpdateSourceDto extends PartialType(OmitType(CreateSourceDto, ['position'] as const)) {}

export class ReorderSourcesDto {
  @ApiProperty({
    type: [Number],
    example: [2, 1, 3],
    description: 'Current positions in their new order; footnotes in every translation are renumbered to match.',
  })
  @IsArray()
  @ArrayMaxSize(999)
  @IsInt({ each: true })
  order: number[];
}

export class SourceResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) publisher: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) accessedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
  @ApiProperty() version: number;

  static from(source: SourceEntity): SourceResponseDto {
    return {
      id: source.id,
      position: source.position,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      accessedOn: source.accessedOn,
      language: source.language,
      version: source.version,
    };
  }
}
