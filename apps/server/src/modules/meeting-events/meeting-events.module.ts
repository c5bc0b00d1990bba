import { Module } from '@nestjs/common';
import { MailModule } from '../mail';
import { NotificationsModule } from '../notifications';
import { MeetingEventsService } from './meeting-events.service';

@Module({
  imports: [NotificationsModule, MailModule],
  providers: [MeetingEventsService],
  exports: [MeetingEventsService],
})
export class MeetingEventsModule {}
