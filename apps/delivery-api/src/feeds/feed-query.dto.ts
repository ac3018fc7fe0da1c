import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class SitemapQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, description: 'Sitemaps hold at most 10,000 articles each; the index lists every page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;
}
