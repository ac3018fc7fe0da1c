import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type WebhookDeliveryEntity } from '../webhook-delivery.entity';

export class DeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The `webhook-id` header: the same on every attempt (the receiver’s idempotency key).' }) messageId: string;
  @ApiProperty({ example: 'translation.published' }) type: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) articleId: string | null;
  @ApiProperty({ nullable: true, type: String }) locale: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The receiver’s last HTTP status.' }) responseStatus: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'How long the last attempt took.' }) durationMs: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastAttemptAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the next attempt is due (pending only).' }) nextAttemptAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: Date | null;
  @ApiPropertyOptional({ description: 'The JSON sent (single-delivery answers only).' }) body?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The start of the receiver’s last answer (single-delivery answers only).' })
  responseBody?: string | null;

  static from(delivery: WebhookDeliveryEntity, full = false): DeliveryResponseDto {
    return {
      id: delivery.id,
      messageId: delivery.messageId,
      type: delivery.type,
      articleId: delivery.articleId,
      locale: delivery.locale,
      status: delivery.status,
      attempts: delivery.attempts,
      responseStatus: delivery.responseStatus,
      durationMs: delivery.durationMs,
      lastError: delivery.lastError,
      lastAttemptAt: delivery.lastAttemptAt,
      nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
      createdAt: delivery.createdAt,
      finishedAt: delivery.finishedAt,
      ...(full ? { body: delivery.body, responseBody: delivery.responseBody } : {}),
    };
  }
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryResponseDto] }) items: DeliveryResponseDto[];
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
}
