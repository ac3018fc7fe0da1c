import { ApiProperty } from '@nestjs/swagger';
import type { LocaleEntity } from '@kalam/i18n';

export class PublicLocaleDto {
  @ApiProperty({ example: 'tr' }) code: string;
  @ApiProperty({ example: 'Turkish' }) name: string;
  @ApiProperty({ example: 'Türkçe' }) nativeName: string;
  @ApiProperty({ example: 'en', nullable: true, type: String }) fallback: string | null;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) textDirection: string;

  static from(locale: LocaleEntity): PublicLocaleDto {
    return { code: locale.code, name: locale.name, nativeName: locale.nativeName, fallback: locale.fallbackCode, textDirection: locale.textDirection };
  }
}
