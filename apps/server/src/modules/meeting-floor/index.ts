export { MeetingFloorModule } from './meeting-floor.module';
export { OverviewService } from './overview.service';
