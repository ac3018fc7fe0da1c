import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RevisionTextDto, TextDiffDto, TranslationTextDto } from '../../workflow/dto/revision-text.dto';
import { JobDto } from './job.dto';

export class MemoryMatchDto {
  @ApiProperty({ description: '100 for the same text (footnote numbers aside), otherwise trigram similarity in percent (50 and up).' }) score: number;
  @ApiProperty() exact: boolean;
  @ApiProperty({ description: 'The remembered source, with this paragraph’s footnote numbers.' }) source: string;
  @ApiProperty({ description: 'Its published translation.' }) target: string;
}

export class JobSegmentDto {
  @ApiProperty({ description: '`title`, `subtitle`, `summary`, `seoTitle`, `seoDescription`, or `p1`, `p2`… for body paragraphs.' }) id: string;
  @ApiProperty({ enum: ['title', 'subtitle', 'summary', 'seoTitle', 'seoDescription', 'body'] }) field: string;
  @ApiPropertyOptional({ description: '1-based, for body paragraphs.' }) paragraph?: number;
  @ApiProperty({ description: 'The source text of the unit.' }) text: string;
  @ApiProperty({ nullable: true, type: String, description: 'The translation’s text for this unit, lined up with the source; null when there is none.' })
  target: string | null;
  @ApiProperty({ description: 'The source changed this unit since the revision the translation was based on.' }) changed: boolean;
  @ApiProperty({ type: [MemoryMatchDto] }) memory: MemoryMatchDto[];
}

export class JobSourceDto {
  @ApiProperty() revisionId: string;
  @ApiProperty() number: number;
  @ApiProperty({ description: 'The revision’s text and the sources (footnotes) it cites.' }) text: RevisionTextDto;
}

export class JobTranslationDto {
  @ApiProperty({ description: 'Send it as If-Match when saving or submitting.' }) version: number;
  @ApiProperty() status: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String, description: 'The source revision this text translates.' }) sourceRevisionId: string | null;
  @ApiProperty() text: TranslationTextDto;
}

export class JobDetailDto {
  @ApiProperty() job: JobDto;
  @ApiProperty() sourceLocale: string;
  @ApiProperty() source: JobSourceDto;
  @ApiProperty({ type: JobTranslationDto, nullable: true }) translation: JobTranslationDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'For update jobs: the source revision the translation was based on.' }) baseRevisionId:
    string | null;
  @ApiProperty({ type: TextDiffDto, nullable: true, description: 'The source’s changes from the base to the job’s revision, per field and body paragraph.' })
  diff: TextDiffDto | null;
  @ApiProperty({ type: [JobSegmentDto] }) segments: JobSegmentDto[];
  @ApiProperty({ description: 'False when the fuzzy memory search ran out of its time budget (1.5 s): exact matches only.' }) memoryComplete: boolean;
}

export class PretranslateResultDto {
  @ApiProperty({ type: [String], description: 'Units filled from exact memory matches.' }) applied: string[];
  @ApiProperty({ nullable: true, type: Number, description: 'The translation’s version after the save; null when nothing matched.' }) version: number | null;
  @ApiProperty({ nullable: true, type: String }) revisionId: string | null;
}

export class XliffImportResultDto {
  @ApiProperty() units: number;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, description: 'The revision the import recorded; null when the file changed nothing.' }) revisionId:
    string | null;
}
