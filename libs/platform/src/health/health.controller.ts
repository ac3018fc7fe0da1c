import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KalamError, Public } from '@kalam/core';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness: the process serves HTTP. Deliberately does not touch the database. */
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP (does not touch the database)' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  health(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Readiness: the database answers. Load balancers should route only to ready copies. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers (route traffic only to ready copies)' })
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { status: 'ready', database: 'up' } } })
  @ApiServiceUnavailableResponse()
  async ready(): Promise<{ status: 'ready'; database: 'up' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new KalamError(503, 'not_ready');
    }
    return { status: 'ready', database: 'up' };
  }
}
