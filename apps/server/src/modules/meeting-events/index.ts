export { MeetingEventsModule } from './meeting-events.module';
export {
  MeetingEventsService,
  formatInZone,
  type MeetingEventInput,
  type PendingMeetingEvent,
} from './meeting-events.service';
