import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { LocalesService } from '@kalam/i18n';
import { PublicLocaleDto } from './public-locale.dto';

@ApiTags('locales')
@Controller('locales')
export class PublicLocalesController {
  constructor(private readonly locales: LocalesService) {}

  /** Enabled locales in switcher order, for language menus and hreflang. */
  @Get()
  @ApiOperation({ summary: 'Enabled locales in switcher order, for language menus and hreflang' })
  @Header('cache-control', 'public, max-age=60, stale-while-revalidate=600')
  @ApiOkResponse({ type: [PublicLocaleDto] })
  async list(): Promise<PublicLocaleDto[]> {
    return (await this.locales.list({ enabledOnly: true })).map(PublicLocaleDto.from);
  }
}
