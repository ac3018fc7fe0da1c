import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, ValidateIf } from 'class-validator';
import { CreateWebhookDto } from './create-webhook.dto';

export class UpdateWebhookDto extends PartialType(CreateWebhookDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'Generate a new secret (shown in this answer only); the old one stops signing at once.' })
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsBoolean()
  rotateSecret?: boolean;
}
