import { ApiProperty } from '@nestjs/swagger';
import type { LocaleEntity } from '../locale.entity';

export class LocaleResponseDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nativeName: string;
  @ApiProperty({ nullable: true, type: String }) fallback: string | null;
  @ApiProperty({ type: [String], description: 'The locales tried in order, starting with this one.' }) fallbackChain: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) textDirection: string;
  @ApiProperty() textSearchConfig: string;
  @ApiProperty() position: number;
  @ApiProperty() version: number;

  static from(locale: LocaleEntity, chain: string[]): LocaleResponseDto {
    return {
      code: locale.code,
      name: locale.name,
      nativeName: locale.nativeName,
      fallback: locale.fallbackCode,
      fallbackChain: chain,
      enabled: locale.enabled,
      textDirection: locale.textDirection,
      textSearchConfig: locale.textSearchConfig,
      position: locale.position,
      version: locale.version,
    };
  }
}
