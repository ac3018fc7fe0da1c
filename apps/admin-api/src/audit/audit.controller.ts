import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { AuditQueryDto, AuditService, Roles } from '@kalam/auth';
import { AuditPageDto } from './audit-page.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first, filtered by subject and action' })
  @ApiOkResponse({ type: AuditPageDto, description: 'Newest first; pass nextBefore as ?before= for the next page.' })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(query);
  }
}
