import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@kalam/auth';
import { ApiErrors, UuidParam } from '@kalam/platform';
import { DeliveriesService, DeliveryPageDto, DeliveryQueryDto, DeliveryResponseDto, RedeliverFailedDto, RedeliverResultDto } from '@kalam/webhooks';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks/:id/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({ summary: 'A webhook’s deliveries, newest first: status, attempts, last answer, duration, error (admins)' })
  @ApiOkResponse({ type: DeliveryPageDto })
  async list(@UuidParam('id') id: string, @Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    const page = await this.deliveries.list(id, query);
    return { ...page, items: page.items.map((delivery) => DeliveryResponseDto.from(delivery)) };
  }

  @Post('redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send again every delivery that failed since a time (admins)' })
  @ApiErrors({ 409: 'The webhook is switched off' })
  @ApiOkResponse({ type: RedeliverResultDto })
  async redeliverFailed(@UuidParam('id') id: string, @Body() body: RedeliverFailedDto, @CurrentActor() actor: Actor): Promise<RedeliverResultDto> {
    return { queued: await this.deliveries.redeliverFailedSince(id, new Date(body.since), actor) };
  }

  @Get(':deliveryId')
  @ApiOperation({ summary: 'One delivery with the body sent and the start of the last answer (admins)' })
  @ApiOkResponse({ type: DeliveryResponseDto })
  async get(@UuidParam('id') id: string, @UuidParam('deliveryId') deliveryId: string): Promise<DeliveryResponseDto> {
    return DeliveryResponseDto.from(await this.deliveries.get(id, deliveryId), true);
  }

  @Post(':deliveryId/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send one delivery again, same id and body (admins)' })
  @ApiErrors({ 409: 'The delivery is still pending or under way, or the webhook is switched off' })
  @ApiOkResponse({ type: DeliveryResponseDto })
  async redeliver(@UuidParam('id') id: string, @UuidParam('deliveryId') deliveryId: string, @CurrentActor() actor: Actor): Promise<DeliveryResponseDto> {
    return DeliveryResponseDto.from(await this.deliveries.redeliver(id, deliveryId, actor));
  }
}
