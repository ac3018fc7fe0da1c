import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../role';
import type { UserEntity } from '../user.entity';

export class UserResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: [String] }) locales: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastLoginAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;

  static from(user: UserEntity): UserResponseDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      locales: user.locales,
      active: user.active,
      version: user.version,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
    };
  }
}
