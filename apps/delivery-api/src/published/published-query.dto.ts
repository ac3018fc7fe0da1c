import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@kalam/content';
import { SLUG_PATTERN } from '@kalam/i18n';

export class ArticleQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: "Serve the nearest translation along the locale's fallback chain when this locale has none." })
  @IsOptional()
  @IsIn(['true', 'false'])
  fallback?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'A preview token (or send it as a bearer token): answers with the current working draft, never cached.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  preview?: string;
}

export class ArticleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Only articles with this tag (the tag's slug in this locale or along its chain)" })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(120)
  tag?: string;

  @ApiPropertyOptional({ description: "Only articles by this author (the author's slug)" })
  @IsOptional()
  @Matches(SLUG_PATTERN)
  @MaxLength(120)
  author?: string;
}

export class EntityPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Look the slug up along the fallback chain too (tags have a slug per locale).' })
  @IsOptional()
  @IsIn(['true', 'false'])
  fallback?: 'true' | 'false';
}
