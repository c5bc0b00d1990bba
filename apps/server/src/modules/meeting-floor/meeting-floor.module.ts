import { Module } from '@nestjs/common';
import { MeetingEventsModule } from '../meeting-events';
import { CheckinController } from './checkin.controller';
import { CheckinService } from './checkin.service';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';
import { TablesController } from './tables.controller';
import { TablesService } from './tables.service';

/** The fair floor: B2B tables and meeting places, QR check-in, private outcomes, the organizer's overview. */
@Module({
  imports: [MeetingEventsModule],
  controllers: [TablesController, CheckinController, OverviewController],
  providers: [TablesService, CheckinService, OverviewService],
  exports: [OverviewService],
})
export class MeetingFloorModule {}
