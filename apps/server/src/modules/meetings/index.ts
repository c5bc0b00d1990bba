export { MeetingsModule } from './meetings.module';
export { MeetingsService } from './meetings.service';
export { ParticipantsService } from './participants.service';
export { fairSlots, localToUtc, type FairDayHours, type SlotSettings } from './slots';
