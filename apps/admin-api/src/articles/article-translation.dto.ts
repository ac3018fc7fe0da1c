import { ApiProperty } from '@nestjs/swagger';

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
