import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@kalam/content';
import { IsTimestamp } from '@kalam/i18n';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../webhook-delivery.entity';

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class RedeliverFailedDto {
  @ApiProperty({ format: 'date-time', description: 'Every failed delivery created at or after this time is sent again.' })
  @IsTimestamp()
  since: string;
}

export class RedeliverResultDto {
  @ApiProperty({ description: 'How many deliveries were queued again.' })
  queued: number;
}
