export { MeetingEventsModule } from './meeting-events.module';
export {
  MeetingEventsService,
  formatInZone,
  type MeetingEventInput,
  type PendingMeetingEvent,
  type Recipient,
} from './meeting-events.service';
