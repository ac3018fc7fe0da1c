import { ApiProperty } from '@nestjs/swagger';

export class AuditEventDto {
  @ApiProperty({ description: 'Increasing; pages go by it.' }) id: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ example: 'translation.published' }) action: string;
  @ApiProperty({ nullable: true, type: String }) subjectType: string | null;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as ?before= for the next (older) page; null on the last.' }) nextBefore: number | null;
}
