import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ErrorDetailDto {
  @ApiPropertyOptional() field?: string;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

/** The error shape of both APIs; `message` is in the Accept-Language language. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ example: 'published.article_not_found', description: 'Stable machine code' }) error: string;
  @ApiProperty({ example: 'No article is published at water-talks in en.' }) message: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
  @ApiPropertyOptional({ example: 5, description: 'On 412 and 428: the current version, to read again' }) currentVersion?: number;
}
