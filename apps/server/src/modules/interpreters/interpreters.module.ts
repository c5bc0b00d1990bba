import { Module } from '@nestjs/common';
import { MeetingEventsModule } from '../meeting-events';
import { InterpretersService } from './interpreters.service';

@Module({
  imports: [MeetingEventsModule],
  providers: [InterpretersService],
  exports: [InterpretersService],
})
export class InterpretersModule {}
