import { Body, Controller, Get, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CreateUserDto, CurrentActor, Roles, UpdateUserDto, UserResponseDto, UsersService, type Actor } from '@kalam/auth';
import { IfMatch, UuidParam, versionEtag } from '@kalam/platform';
import { UserListDto } from './user-list.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserListDto })
  async list(): Promise<UserListDto> {
    const users = await this.users.list();
    return { items: users.map(UserResponseDto.from), total: users.length };
  }

  @Post()
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserResponseDto> {
    const user = await this.users.create(body, actor);
    void reply.header('etag', versionEtag(user.version));
    return UserResponseDto.from(user);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponseDto })
  async get(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserResponseDto> {
    const user = await this.users.get(id);
    void reply.header('etag', versionEtag(user.version));
    return UserResponseDto.from(user);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateUserDto,
    @IfMatch() version: number | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserResponseDto> {
    const user = await this.users.update(id, body, version, actor);
    void reply.header('etag', versionEtag(user.version));
    return UserResponseDto.from(user);
  }
}
