import type { Page } from '../pagination';

export const NOTIFICATION_TYPES = [
  'company.approved',
  'company.rejected',
  'company.registered',
  'member.joined',
  'product.unpublished',
  'company.suspended',
  'company.reinstated',
  'booth.approved',
  'booth.rejected',
  'inquiry.received',
  'meeting.requested',
  'meeting.accepted',
  /** published by the organizers' auto-scheduler: nobody requested or accepted it */
  'meeting.scheduled',
  'meeting.declined',
  'meeting.cancelled',
  'meeting.counter_proposed',
  'meeting.updated',
  'meeting.reschedule_proposed',
  'meeting.rescheduled',
  'meeting.reschedule_declined',
  'meeting.expired',
  'meeting.interpreter_assigned',
  'meeting.checked_in',
  'meeting.reminder',
  'contract.declared',
  'contract.confirmed',
  'contract.disputed',
  'sample.changed',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * A notification stores its type and the values to fill in; the text is
 * translated by whoever shows it (`notifications:types.<type>.title|body`).
 */
export interface AppNotification {
  id: string;
  type: NotificationType;
  data: Record<string, string>;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage extends Page<AppNotification> {
  unreadCount: number;
}
