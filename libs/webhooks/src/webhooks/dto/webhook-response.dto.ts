import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENTS } from '../../events/webhook-events';
import type { WebhookEntity } from '../webhook.entity';

const HIDDEN = '********';

export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, description: 'Empty: all events.' }) events: string[];
  @ApiProperty({ type: [String], description: 'Empty: all locales.' }) locales: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Custom header names; values are hidden.' })
  headers: Record<string, string>;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Since when every attempt has failed.' }) failingSince: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ description: 'The signing secret; only in the answer that creates or rotates it.' }) secret?: string;

  static from(webhook: WebhookEntity, secret?: string): WebhookResponseDto {
    return {
      id: webhook.id,
      url: webhook.url,
      description: webhook.description,
      events: webhook.events,
      locales: webhook.locales,
      headers: Object.fromEntries(Object.keys(webhook.headers).map((name) => [name, HIDDEN])),
      active: webhook.active,
      failingSince: webhook.failingSince,
      disabledAt: webhook.disabledAt,
      disabledReason: webhook.disabledReason,
      version: webhook.version,
      createdAt: webhook.createdAt,
      updatedAt: webhook.updatedAt,
      ...(secret ? { secret } : {}),
    };
  }
}
