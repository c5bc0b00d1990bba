import { Module } from '@nestjs/common';
import { MeetingEventsModule } from '../meeting-events';
import { InterpretersController } from './interpreters.controller';
import { InterpretersService } from './interpreters.service';

@Module({
  imports: [MeetingEventsModule],
  controllers: [InterpretersController],
  providers: [InterpretersService],
  exports: [InterpretersService],
})
export class InterpretersModule {}
