import { Box, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppNotification } from '@craftmatch/shared';
import { formatRelative } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { NotificationIcon } from './NotificationIcon';
import { notificationLink } from './notification-link';
import { notificationText } from './notification-text';

interface NotificationItemProps {
  notification: AppNotification;
  onRead: (id: string) => void;
  /** called when the notification opens what it is about (e.g. to close the bell menu) */
  onOpen?: () => void;
}

export function NotificationItem({ notification, onRead, onOpen }: NotificationItemProps) {
  const { t, i18n } = useTranslation(['notifications', 'companies']);
  const language = currentLanguage(i18n.resolvedLanguage);
  const { title, body } = notificationText(notification, t);
  const unread = !notification.readAt;
  const link = notificationLink(notification);
  const props = {
    w: '100%',
    p: 'sm',
    'data-testid': 'notification-item',
    'data-type': notification.type,
    'data-unread': unread,
    style: {
      borderRadius: 'var(--mantine-radius-md)',
      background: unread ? 'var(--mantine-color-cham-0)' : 'transparent',
      display: 'block',
      cursor: unread || link ? 'pointer' : 'default',
    },
  } as const;
  const content = (
    <Group align="flex-start" wrap="nowrap" gap="sm">
      <NotificationIcon type={notification.type} />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        {/* Named by its visible text (WCAG 2.5.3); an unread one that opens nothing first says what a press does. */}
        {unread && !link && <VisuallyHidden>{t('markReadPrefix')}</VisuallyHidden>}
        <Text fw={unread ? 600 : 500} fz="sm">
          {title}
        </Text>
        <Text fz="sm" c="dimmed" lineClamp={3}>
          {body}
        </Text>
        <Text fz="xs" c="dimmed" component="time" dateTime={notification.createdAt}>
          {formatRelative(notification.createdAt, language)}
        </Text>
      </Stack>
      {unread && (
        <Box w={8} h={8} mt={6} bg="lacquer.6" style={{ borderRadius: 8, flexShrink: 0 }} aria-hidden />
      )}
    </Group>
  );
  // a meeting notification opens the meeting (and counts as read); the others are buttons that mark them read
  return link ? (
    <UnstyledButton
      component={Link}
      to={link}
      onClick={() => {
        if (unread) onRead(notification.id);
        onOpen?.();
      }}
      {...props}
    >
      {content}
    </UnstyledButton>
  ) : (
    <UnstyledButton onClick={() => unread && onRead(notification.id)} {...props}>
      {content}
    </UnstyledButton>
  );
}
