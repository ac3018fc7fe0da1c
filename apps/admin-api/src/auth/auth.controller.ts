import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AnyRole,
  AuthService,
  CurrentToken,
  CurrentUser,
  LoginThrottlerGuard,
  TokensService,
  UserResponseDto,
  type ApiTokenEntity,
  type UserEntity,
} from '@kalam/auth';
import { Public } from '@kalam/core';
import { ApiErrors } from '@kalam/platform';
import { LoginDto, LoginResponseDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokensService,
  ) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @ApiOperation({ summary: 'Sign in with email and password; returns a bearer token (rate limited)' })
  @ApiErrors({
    401: 'Wrong email or password, or a disabled account',
    429: 'Too many attempts for this account from this address, or from this address in all',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponseDto> {
    return this.auth.login(body.email, body.password, request.ip);
  }

  @AnyRole()
  @ApiBearerAuth()
  @Post('logout')
  @ApiOperation({ summary: 'Revoke the token of this request' })
  @HttpCode(204)
  async logout(@CurrentUser() user: UserEntity, @CurrentToken() token: ApiTokenEntity): Promise<void> {
    await this.tokens.revoke(user.id, token.id);
  }

  @AnyRole()
  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentUser() user: UserEntity): UserResponseDto {
    return UserResponseDto.from(user);
  }
}
