import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocaleCode } from '../../validation/decorators';

export class CreateLocaleDto {
  @ApiProperty({ example: 'kk', description: 'Language code, optionally with region or script (pt-BR, sr-Latn).' })
  @IsLocaleCode()
  code: string;

  @ApiProperty({ example: 'Kazakh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'Қазақша' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nativeName: string;

  @ApiPropertyOptional({ example: 'ru', nullable: true, description: 'Locale to serve when a translation is missing.' })
  @IsOptional()
  @IsLocaleCode()
  fallback?: string | null;

  @ApiPropertyOptional({ example: 'simple', description: 'PostgreSQL text-search configuration.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,63}$/)
  textSearchConfig?: string;

  @ApiPropertyOptional({ enum: ['ltr', 'rtl'] })
  @IsOptional()
  @IsIn(['ltr', 'rtl'])
  textDirection?: 'ltr' | 'rtl';

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}
