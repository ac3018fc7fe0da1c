import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AnyRole, CurrentUser, Roles, type UserEntity } from '@kalam/auth';
import { CreateLocaleDto, fallbackChain, LocaleResponseDto, LocalesService, UpdateLocaleDto, type LocaleEntity } from '@kalam/i18n';
import { ApiErrors, ApiVersionedWrite, IfMatch } from '@kalam/platform';

@ApiTags('locales')
@ApiBearerAuth()
@Controller('locales')
export class LocalesController {
  constructor(private readonly locales: LocalesService) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'Every locale with its fallback chain' })
  @ApiOkResponse({ type: [LocaleResponseDto] })
  async list(): Promise<LocaleResponseDto[]> {
    return (await this.locales.listWithChains()).map(({ locale, chain }) => LocaleResponseDto.from(locale, chain));
  }

  @Roles('admin')
  @Post()
  @ApiOperation({ summary: 'Add a locale (code, names, fallback, text-search configuration)' })
  @ApiErrors({ 409: 'The locale exists', 422: 'An unknown fallback or text-search configuration' })
  @ApiCreatedResponse({ type: LocaleResponseDto })
  async create(@Body() body: CreateLocaleDto, @CurrentUser() user: UserEntity): Promise<LocaleResponseDto> {
    const locale = await this.locales.create(body, user.id);
    return this.present(locale);
  }

  @Roles('admin')
  @Patch(':code')
  @ApiOperation({ summary: 'Change a locale: names, fallback, enabled, order (If-Match)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'locale' })
  @ApiErrors({ 409: 'It would disable the last enabled locale', 422: 'An unknown fallback, a fallback cycle or an unknown text-search configuration' })
  @ApiOkResponse({ type: LocaleResponseDto })
  async update(
    @Param('code') code: string,
    @Body() body: UpdateLocaleDto,
    @IfMatch() version: number | undefined,
    @CurrentUser() user: UserEntity,
  ): Promise<LocaleResponseDto> {
    const locale = await this.locales.update(code, body, version, user.id);
    return this.present(locale);
  }

  /** The changed locale with its chain, which depends on the other locales. */
  private async present(locale: LocaleEntity): Promise<LocaleResponseDto> {
    return LocaleResponseDto.from(locale, fallbackChain(locale.code, await this.locales.list()) ?? [locale.code]);
  }
}
