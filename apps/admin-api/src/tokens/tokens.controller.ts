import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AnyRole, CreateTokenDto, CurrentUser, TokenResponseDto, TokensService, type UserEntity } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { UuidParam } from '@kalam/platform';

/** Long-lived tokens for scripts (api) and front-end previews (preview), owned by the caller. */
@ApiTags('tokens')
@ApiBearerAuth()
@AnyRole()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get()
  @ApiOperation({ summary: 'Your active API and preview tokens' })
  @ApiOkResponse({ type: [TokenResponseDto] })
  async list(@CurrentUser() user: UserEntity): Promise<TokenResponseDto[]> {
    return (await this.tokens.listForUser(user.id)).map((token) => TokenResponseDto.from(token));
  }

  @Post()
  @ApiOperation({ summary: 'Issue an API or preview token (the secret is shown once)' })
  @ApiCreatedResponse({ type: TokenResponseDto })
  async create(@CurrentUser() user: UserEntity, @Body() body: CreateTokenDto): Promise<TokenResponseDto> {
    const { token, secret } = await this.tokens.issue(user.id, body.kind ?? 'api', {
      name: body.name,
      ttlSeconds: body.expiresInDays ? body.expiresInDays * 86_400 : undefined,
    });
    return TokenResponseDto.from(token, secret);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke one of your tokens' })
  @HttpCode(204)
  async revoke(@CurrentUser() user: UserEntity, @UuidParam('id') id: string): Promise<void> {
    if (!(await this.tokens.revoke(user.id, id))) throw KalamError.notFound('token.not_found', { id });
  }
}
