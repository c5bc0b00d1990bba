import { Module } from '@nestjs/common';
import { InterpretersModule } from '../interpreters';
import { MeetingEventsModule } from '../meeting-events';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [MeetingEventsModule, InterpretersModule],
  controllers: [MeetingsController, ParticipantsController],
  providers: [MeetingsService, ParticipantsService],
  exports: [MeetingsService, ParticipantsService],
})
export class MeetingsModule {}
