import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FairMeetingPage, FairMeetingStats } from '@craftmatch/shared';
import { Roles } from '../../common/decorators';
import { UuidPipe } from '../../common/validation';
import { FairMeetingQueryDto } from './dto/meeting-floor.dto';
import { OverviewService } from './overview.service';

@ApiTags('meeting-floor')
@ApiBearerAuth()
@Roles('organizer', 'organizer_staff')
@Controller('fairs/:fairId')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get('meeting-stats')
  stats(@Param('fairId', UuidPipe) fairId: string): Promise<FairMeetingStats> {
    return this.overview.stats(fairId);
  }

  @Get('meetings')
  list(
    @Param('fairId', UuidPipe) fairId: string,
    @Query() query: FairMeetingQueryDto,
  ): Promise<FairMeetingPage> {
    return this.overview.list(fairId, query);
  }
}
