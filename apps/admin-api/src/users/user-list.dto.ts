import { ApiProperty } from '@nestjs/swagger';
import { UserResponseDto } from '@kalam/auth';

export class UserListDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
  @ApiProperty() total: number;
}
