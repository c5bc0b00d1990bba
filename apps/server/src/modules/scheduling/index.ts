export { SchedulingModule } from './scheduling.module';
export { SchedulingService } from './scheduling.service';
