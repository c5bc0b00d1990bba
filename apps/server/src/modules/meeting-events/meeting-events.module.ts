import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { MailModule } from '../mail';
import { NotificationsModule } from '../notifications';
import { MeetingEventsService } from './meeting-events.service';

@Module({
  imports: [NotificationsModule, MailModule, AuditModule],
  providers: [MeetingEventsService],
  exports: [MeetingEventsService],
})
export class MeetingEventsModule {}
