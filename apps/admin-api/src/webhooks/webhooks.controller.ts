import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@kalam/auth';
import { ApiErrors, ApiVersionedWrite, IfMatch, UuidParam } from '@kalam/platform';
import { CreateWebhookDto, DeliveriesService, DeliveryResponseDto, UpdateWebhookDto, WebhookResponseDto, WebhooksService } from '@kalam/webhooks';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Webhooks (admins)' })
  @ApiOkResponse({ type: [WebhookResponseDto] })
  async list(): Promise<WebhookResponseDto[]> {
    return (await this.webhooks.list()).map((webhook) => WebhookResponseDto.from(webhook));
  }

  @Post()
  @ApiOperation({ summary: 'Create a webhook (admins); the signing secret is in this answer only' })
  @ApiCreatedResponse({ type: WebhookResponseDto })
  async create(@Body() body: CreateWebhookDto, @CurrentActor() actor: Actor): Promise<WebhookResponseDto> {
    const { webhook, secret } = await this.webhooks.create(body, actor);
    return WebhookResponseDto.from(webhook, secret);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A webhook (admins)' })
  @ApiOkResponse({ type: WebhookResponseDto })
  async get(@UuidParam('id') id: string): Promise<WebhookResponseDto> {
    return WebhookResponseDto.from(await this.webhooks.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook’s URL, filters, headers or active flag, or rotate its secret (admins)' })
  @ApiVersionedWrite({ ifMatch: 'required', of: 'webhook' })
  @ApiOkResponse({ type: WebhookResponseDto })
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateWebhookDto,
    @IfMatch() version: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookResponseDto> {
    const { webhook, secret } = await this.webhooks.update(id, body, version, actor);
    return WebhookResponseDto.from(webhook, secret);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a webhook and its delivery log (admins)' })
  @ApiVersionedWrite({ ifMatch: 'optional', of: 'webhook' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @HttpCode(204)
  remove(@UuidParam('id') id: string, @IfMatch() version: number | undefined, @CurrentActor() actor: Actor): Promise<void> {
    return this.webhooks.remove(id, version, actor);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a signed webhook.ping now and answer with how it went (admins)' })
  @ApiErrors({ 404: 'No such webhook' })
  @ApiOkResponse({ type: DeliveryResponseDto })
  async test(@UuidParam('id') id: string): Promise<DeliveryResponseDto> {
    return DeliveryResponseDto.from(await this.deliveries.ping(id), true);
  }
}
