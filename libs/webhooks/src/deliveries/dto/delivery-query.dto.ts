import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTimestamp } from '@kalam/i18n';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../webhook-delivery.entity';

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
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
