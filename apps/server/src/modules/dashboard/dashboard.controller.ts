import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DashboardResponse } from '@craftmatch/shared';
import { Roles } from '../../common/decorators';
import { DashboardQueryDto } from './dto/dashboard-query.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Roles('organizer', 'organizer_staff')
  get(@Query() query: DashboardQueryDto): Promise<DashboardResponse> {
    return this.dashboard.get(query);
  }
}
