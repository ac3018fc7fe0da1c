import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsLocaleCode } from '@kalam/i18n';
import { WEBHOOK_EVENTS } from '../../events/webhook-events';

/** May be left out, but not sent as null (only the description can be cleared). */
const OmittedOrSet = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://www.example.org/api/kalam-webhook',
    description: 'http or https; loopback and private addresses only with WEBHOOK_ALLOW_PRIVATE=true.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ example: 'Next.js revalidation', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ description: 'A Standard Webhooks secret (`whsec_` + base64 of 24–64 bytes); generated when left out. Shown in this answer only.' })
  @OmittedOrSet()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, description: 'Event types to send; empty or left out means all.' })
  @OmittedOrSet()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['en', 'tr'],
    description: 'Only events of these locales (events with no locale are always sent); empty means all.',
  })
  @OmittedOrSet()
  @IsArray()
  @ArrayMaxSize(50)
  @IsLocaleCode({ each: true })
  locales?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { authorization: 'Bearer site-token' },
    description: 'Sent with every delivery (at most 20). Values are not shown again.',
  })
  @OmittedOrSet()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ default: true })
  @OmittedOrSet()
  @IsBoolean()
  active?: boolean;
}
