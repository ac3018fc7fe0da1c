import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateWebhookDto } from './create-webhook.dto';

export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {
  @ApiPropertyOptional({ description: 'Generate a new secret (shown in this answer only); the old one stops signing at once.' })
  @IsOptional()
  @IsBoolean()
  rotateSecret?: boolean;
}
