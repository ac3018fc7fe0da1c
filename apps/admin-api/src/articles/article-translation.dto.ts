import { ApiProperty } from '@nestjs/swagger';
import { TranslationResponseDto } from '@kalam/content';

export class TranslationWriteResultDto {
  @ApiProperty() locale: string;
  @ApiProperty() slug: string;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, description: 'The revision this save recorded; null when the text did not change.' }) revisionId: string | null;
}

export class FootnoteIssueDto {
  @ApiProperty({ enum: ['footnote_without_source', 'source_not_cited', 'footnote_missing_from_translation', 'footnote_not_in_source_locale'] })
  code: string;
  @ApiProperty() footnote: number;
  @ApiProperty() message: string;
}

export class FootnoteChecksDto {
  @ApiProperty({ type: [FootnoteIssueDto], description: 'Refuse submission while any remain.' }) errors: FootnoteIssueDto[];
  @ApiProperty({ type: [FootnoteIssueDto] }) warnings: FootnoteIssueDto[];
}

/** One translation as the workbench's review screen needs it: its text, and what can be done with it next. */
export class TranslationDetailDto extends TranslationResponseDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'A scheduled publish, when one is set.' }) publishAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'A scheduled unpublish, when one is set.' }) unpublishAt: Date | null;
  @ApiProperty({
    type: [String],
    enum: ['submit', 'approve', 'request-changes', 'publish', 'unpublish', 'archive', 'reopen'],
    description: 'Transitions open from this status (roles aside).',
  })
  allowed: string[];
}
