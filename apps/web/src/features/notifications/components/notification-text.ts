import type { TFunction } from 'i18next';
import type { AppNotification } from '@craftmatch/shared';

/** Notifications carry a type and values; the words are ours, in the reader's language. */
export function notificationText(notification: Pick<AppNotification, 'type' | 'data'>, t: TFunction) {
  const values = {
    ...notification.data,
    kind: notification.data.kind ? t(`companies:kinds.${notification.data.kind}`) : undefined,
  };
  return {
    title: t(`notifications:types.${notification.type}.title`, values),
    body: t(`notifications:types.${notification.type}.body`, values),
  };
}
