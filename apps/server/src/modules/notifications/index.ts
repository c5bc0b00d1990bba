export { NotificationsModule } from './notifications.module';
export {
  NotificationsService,
  toNotification,
  type NewNotification,
  type NotificationRow,
} from './notifications.service';
export { Notification } from './notification.entity';
