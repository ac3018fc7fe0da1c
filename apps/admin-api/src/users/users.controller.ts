import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CreateUserDto, CurrentActor, Roles, UpdateUserDto, UserResponseDto, UsersService, type Actor } from '@kalam/auth';
import { ApiErrors, ApiVersionedWrite, IfMatch, UuidParam } from '@kalam/platform';
import { UserListDto } from './user-list.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users (admins)' })
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<UserListDto> {
    const users = await this.users.list();
    return { items: users.map(UserResponseDto.from), total: users.length };
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with a role and locales (admins)' })
  @ApiErrors({ 409: 'The email is taken', 422: 'A translator without locales, or a locale that is not enabled' })
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.create(body, actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A user (admins, or yourself)' })
  @ApiOkResponse({ type: UserResponseDto })
  async get(@UuidParam('id') id: string): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s role, locales, password or active flag (admins)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'user' })
  @ApiErrors({ 409: 'It would leave no active admin', 422: 'A translator without locales, or a locale that is not enabled' })
  @ApiOkResponse({ type: UserResponseDto })
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateUserDto,
    @IfMatch() version: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.update(id, body, version, actor));
  }
}
