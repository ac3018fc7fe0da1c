import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsLocaleCode, IsSlug } from '@kalam/i18n';
import { PageQueryDto } from '../../common/pagination';
import { TRANSLATION_STATUSES, type TranslationStatus } from '../translation-status';

export class CreateArticleDto {
  @ApiProperty({ example: 'en', description: 'The locale the article is written in; others translate from it.' })
  @IsLocaleCode()
  sourceLocale: string;

  @ApiProperty({ type: [String], description: 'Author ids in byline order.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  authorIds: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  tagIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsUUID('all')
  heroMediaId?: string | null;
}

/** Authors, tags and hero image; the source locale is fixed once translations depend on it. */
export class UpdateArticleDto extends PartialType(OmitType(CreateArticleDto, ['sourceLocale'] as const)) {}

export class PutTranslationDto {
  @ApiProperty({ example: 'Water diplomacy on the Syr Darya' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  // A title of spaces would give an empty slug and an empty heading.
  @Matches(/\S/)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  subtitle?: string;

  @ApiPropertyOptional({ description: 'Made from the title (transliterated) when a translation is created without one; kept when the title changes.' })
  @IsOptional()
  @IsSlug()
  @MaxLength(120)
  slug?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  summary?: string;

  @ApiProperty({ description: 'Markdown; [^n] cites the source at position n.' })
  @IsString()
  @MaxLength(200_000)
  body: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  seoTitle?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  seoDescription?: string;

  @ApiPropertyOptional({ description: 'A note kept with the revision this save records ("fixed the dates").' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

export class ArticleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TRANSLATION_STATUSES, description: 'Articles with a translation in this status (in `locale` when given).' })
  @IsOptional()
  @IsIn(TRANSLATION_STATUSES)
  status?: TranslationStatus;

  @ApiPropertyOptional({ description: 'Articles with a translation in this locale.' })
  @IsOptional()
  @IsLocaleCode()
  locale?: string;

  @ApiPropertyOptional({ description: 'Author id.' })
  @IsOptional()
  @IsUUID('all')
  author?: string;

  @ApiPropertyOptional({ description: 'Tag id.' })
  @IsOptional()
  @IsUUID('all')
  tag?: string;

  @ApiPropertyOptional({ description: 'Text in a title or summary.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
