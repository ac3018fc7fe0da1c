import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiTokenEntity } from '../api-token.entity';

export class TokenResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ enum: ['session', 'api', 'preview'] }) kind: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastUsedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiPropertyOptional({ description: 'The secret; shown only in the answer that creates the token.' }) token?: string;

  static from(token: ApiTokenEntity, secret?: string): TokenResponseDto {
    return {
      id: token.id,
      name: token.name,
      kind: token.kind,
      expiresAt: token.expiresAt,
      lastUsedAt: token.lastUsedAt,
      createdAt: token.createdAt,
      ...(secret ? { token: secret } : {}),
    };
  }
}
