import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSlug } from '@kalam/i18n';
import type { TagEntity } from '../tag.entity';

export class TagTranslationInputDto {
  @ApiProperty({ example: 'Water security' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'water-security', description: 'Made from the name when left out.' })
  @IsOptional()
  @IsSlug()
  @MaxLength(120)
  slug?: string;
}

export class CreateTagDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/TagTranslationInputDto' },
    example: { en: { name: 'Water security' }, tr: { name: 'Su güvenliği' } },
  })
  // Each locale's entry is validated by TagsService (class-validator cannot reach record values).
  @IsObject()
  translations: Record<string, TagTranslationInputDto>;
}

export class TagTranslationResponseDto {
  @ApiProperty() locale: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() version: number;
}

export class TagResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/TagTranslationResponseDto' } })
  translations: Record<string, TagTranslationResponseDto>;

  static from(tag: TagEntity): TagResponseDto {
    const translations = Object.fromEntries(
      (tag.translations ?? []).map((t) => [t.locale, { locale: t.locale, name: t.name, slug: t.slug, version: t.version }]),
    );
    return { id: tag.id, version: tag.version, translations };
  }
}
