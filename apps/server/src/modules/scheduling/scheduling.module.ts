import { Module } from '@nestjs/common';
import { MailModule } from '../mail';
import { MeetingEventsModule } from '../meeting-events';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

/** The auto-scheduler: settings, drafts from the fair's wishes, review and publication as meetings. */
@Module({
  imports: [MeetingEventsModule, MailModule],
  controllers: [SchedulingController],
  providers: [SchedulingService],
  exports: [SchedulingService],
})
export class SchedulingModule {}
