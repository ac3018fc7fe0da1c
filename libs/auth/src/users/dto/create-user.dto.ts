import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLocaleCode } from '@kalam/i18n';
import { MIN_PASSWORD_LENGTH } from '../../auth.config';
import { ROLES, type Role } from '../role';

export class CreateUserDto {
  @ApiProperty({ example: 'aigerim@example.org' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, writeOnly: true })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    type: [String],
    example: ['tr'],
    description: 'Locales the user may work in. Empty means every locale, except for translators, who need at least one.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsLocaleCode({ each: true })
  locales?: string[];

  @ApiPropertyOptional({ example: 'Aigerim Nurlanovna' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;
}
