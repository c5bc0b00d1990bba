import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Divider,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { IconBell, IconBellCheck, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useNotifications } from '../api/list-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-read';
import { useMarkNotificationRead } from '../api/mark-read';
import { NotificationItem } from './NotificationItem';

/** The bell list shows the newest page; the realtime bridge prepends to it. */
export const BELL_PAGE_SIZE = 8;

export function NotificationsMenu() {
  const { t } = useTranslation('notifications');
  const [opened, setOpened] = useState(false);
  const list = useNotifications(1, BELL_PAGE_SIZE);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = list.data?.unreadCount ?? 0;

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="lg"
      radius="lg"
      withinPortal
    >
      {/* The popover's target is the button itself (aria-expanded belongs on a button, not a div). */}
      <Box pos="relative">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="cham"
            size="lg"
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}
            data-testid="notifications-bell"
          >
            <IconBell size={22} stroke={1.6} />
          </ActionIcon>
        </Popover.Target>
        {unread > 0 && (
          <Badge
            size="xs"
            color="lacquer"
            variant="filled"
            circle={unread < 10}
            pos="absolute"
            top={-2}
            right={-4}
            className="tabular"
            style={{ pointerEvents: 'none', border: '2px solid var(--mantine-color-body)' }}
            data-testid="notifications-unread"
          >
            {unread > 99 ? '99+' : unread}
          </Badge>
        )}
      </Box>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{t('title')}</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconChecks size={16} />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notifications-mark-all"
          >
            {t('markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420} type="auto">
          <Box p="xs" data-testid="notifications-list">
            {list.isPending ? (
              <ListSkeleton rows={3} height={64} />
            ) : list.isError ? (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            ) : list.data.items.length === 0 ? (
              <Stack align="center" gap={6} py="xl" px="md" ta="center">
                <IconBellCheck size={32} stroke={1.4} color="var(--mantine-color-celadon-8)" />
                <Text fw={500}>{t('emptyTitle')}</Text>
                <Text fz="sm" c="dimmed">
                  {t('emptyBody')}
                </Text>
              </Stack>
            ) : (
              <Stack gap={4}>
                {list.data.items.map((n) => (
                  <NotificationItem
                    key={n.id}
                    notification={n}
                    onRead={(id) => markRead.mutate(id)}
                    onOpen={() => setOpened(false)}
                  />
                ))}
              </Stack>
            )}
          </Box>
        </ScrollArea.Autosize>
        <Divider />
        <Group justify="center" py="xs">
          <Anchor component={Link} to="/notifications" fz="sm" onClick={() => setOpened(false)}>
            {t('viewAll')}
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
