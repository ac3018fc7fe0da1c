import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateTokenDto {
  @ApiProperty({ example: 'newsroom importer' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ enum: ['api', 'preview'], default: 'api', description: 'preview tokens can only read drafts through the delivery API.' })
  @IsOptional()
  @IsIn(['api', 'preview'])
  kind?: 'api' | 'preview';

  @ApiPropertyOptional({ description: 'Lifetime in days; none means it lasts until revoked.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}
