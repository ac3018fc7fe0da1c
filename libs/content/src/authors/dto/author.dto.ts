import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSlug } from '@kalam/i18n';
import type { AuthorTranslationEntity } from '../author-translation.entity';
import type { AuthorEntity } from '../author.entity';

export class CreateAuthorDto {
  @ApiPropertyOptional({ example: 'aigerim-zhumabaeva', description: 'Made from the name when left out.' })
  @IsOptional()
  @IsSlug()
  @MaxLength(120)
  slug?: string;

  @ApiProperty({ example: 'Aigerim Zhumabaeva' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class UpdateAuthorDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsSlug()
  @MaxLength(120)
  slug?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class PutAuthorTranslationDto {
  @ApiPropertyOptional({ example: 'Айгерим Жумабаева' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ example: 'Kıdemli Analist' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ description: 'Markdown.' })
  @IsString()
  @MaxLength(20_000)
  bio: string;
}

export class AuthorTranslationResponseDto {
  @ApiProperty() locale: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty() bio: string;
  @ApiProperty() version: number;

  static from(t: AuthorTranslationEntity): AuthorTranslationResponseDto {
    return { locale: t.locale, displayName: t.displayName, title: t.title, bio: t.bio, version: t.version };
  }
}

export class AuthorResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/AuthorTranslationResponseDto' } })
  translations: Record<string, AuthorTranslationResponseDto>;

  static from(author: AuthorEntity): AuthorResponseDto {
    const translations = Object.fromEntries((author.translations ?? []).map((t) => [t.locale, AuthorTranslationResponseDto.from(t)]));
    return { id: author.id, slug: author.slug, name: author.name, version: author.version, translations };
  }
}
