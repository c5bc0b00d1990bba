import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@craftmatch/shared';
import { Roles } from '../../common/decorators';
import { AuditService } from './audit.service';
import { ListAuditDto } from './dto/list-audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('organizer', 'organizer_staff')
  list(@Query() query: ListAuditDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
