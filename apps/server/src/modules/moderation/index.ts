export { ModerationModule } from './moderation.module';
export { ModerationService } from './moderation.service';
