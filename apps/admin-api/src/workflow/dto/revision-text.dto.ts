import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RevisionSnapshot } from '@kalam/content';
import type { RevisionDiff } from '@kalam/workflow';

/**
 * The shapes of a revision's text and of a diff between two, spelled out so clients generated from
 * the OpenAPI document (the workbench among them) are typed by them and break when they change.
 */
export class TextChangeDto {
  @ApiProperty() value: string;
  @ApiPropertyOptional({ enum: [true] }) added?: true;
  @ApiPropertyOptional({ enum: [true] }) removed?: true;
}

export class FieldDiffDto {
  @ApiProperty({ enum: ['title', 'subtitle', 'slug', 'summary', 'seoTitle', 'seoDescription'] }) field: RevisionDiff['fields'][number]['field'];
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: [TextChangeDto], description: 'Word-level changes.' }) changes: TextChangeDto[];
}

export class ParagraphDiffDto {
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) status: 'added' | 'removed' | 'changed';
  @ApiPropertyOptional({ description: '1-based position in the older text (removed, changed).' }) fromParagraph?: number;
  @ApiPropertyOptional({ description: '1-based position in the newer text (added, changed).' }) toParagraph?: number;
  @ApiPropertyOptional() from?: string;
  @ApiPropertyOptional() to?: string;
  @ApiPropertyOptional({ type: [TextChangeDto], description: 'Word-level changes, for changed paragraphs.' }) changes?: TextChangeDto[];
}

export class SourceChangeDto {
  @ApiProperty() position: number;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
}

export class TextDiffDto implements RevisionDiff {
  @ApiProperty({ type: [FieldDiffDto] }) fields: FieldDiffDto[];
  @ApiProperty({ type: [ParagraphDiffDto], description: 'Body paragraphs, aligned first: an inserted paragraph is one addition.' }) body: ParagraphDiffDto[];
  @ApiProperty({ type: [SourceChangeDto], description: 'Sources (by position) whose citation text differs.' }) sources: SourceChangeDto[];
}

export class CitedSourceDto {
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) publisher: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) accessedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
}

export class TranslationTextDto {
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) subtitle: string | null;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ description: 'Markdown; [^n] cites the source at position n.' }) body: string;
  @ApiProperty({ nullable: true, type: String }) seoTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) seoDescription: string | null;
}

export class RevisionTextDto extends TranslationTextDto implements RevisionSnapshot {
  @ApiProperty({ type: [CitedSourceDto], description: 'The article’s sources when the revision was made.' }) sources: CitedSourceDto[];
}
