import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [NotificationsModule],
  controllers: [MeetingsController, ParticipantsController],
  providers: [MeetingsService, ParticipantsService],
  exports: [MeetingsService, ParticipantsService],
})
export class MeetingsModule {}
