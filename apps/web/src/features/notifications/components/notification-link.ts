import type { AppNotification, NotificationType } from '@craftmatch/shared';

/** Meetings that stand in the agenda once this happened: the notification opens the fair's agenda. */
const IN_AGENDA: ReadonlySet<NotificationType> = new Set<NotificationType>([
  'meeting.accepted',
  'meeting.scheduled',
  'meeting.rescheduled',
  'meeting.interpreter_assigned',
  'meeting.checked_in',
  'meeting.reminder',
]);

/**
 * Where clicking a notification takes the reader: a meeting opens where it is shown (the fair's
 * agenda once it is confirmed, the meetings inbox while it is being negotiated); other kinds stay put.
 */
export function notificationLink(notification: Pick<AppNotification, 'type' | 'data'>): string | null {
  if (!notification.type.startsWith('meeting.')) return null;
  const fairId = notification.data.fairId;
  if (IN_AGENDA.has(notification.type) && fairId) return `/agenda/${encodeURIComponent(fairId)}`;
  return '/meetings';
}
