import { useState } from 'react';
import { Button, Card, Center, Pagination, Stack } from '@mantine/core';
import { IconBellCheck, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/StateViews';
import { useNotifications } from '../api/list-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-read';
import { useMarkNotificationRead } from '../api/mark-read';
import { NotificationItem } from '../components/NotificationItem';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [page, setPage] = useState(1);
  const list = useNotifications(page, PAGE_SIZE);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = list.data?.unreadCount ?? 0;
  const totalPages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={unread > 0 ? t('unread', { count: unread }) : t('allRead')}
        actions={
          <Button
            variant="light"
            leftSection={<IconChecks size={16} />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('markAllRead')}
          </Button>
        }
      />
      {list.isPending ? (
        <ListSkeleton rows={5} height={72} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={<IconBellCheck size={28} />} title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <Card p="xs">
          <Stack gap={4}>
            {list.data.items.map((n) => (
              <NotificationItem key={n.id} notification={n} onRead={(id) => markRead.mutate(id)} />
            ))}
          </Stack>
        </Card>
      )}
      {totalPages > 1 && (
        <Center mt="md">
          <Pagination total={totalPages} value={page} onChange={setPage} />
        </Center>
      )}
    </>
  );
}
