import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const markAllNotificationsRead = () => api.post<void>('/notifications/read-all');

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onMutate: () => {
      const now = new Date().toISOString();
      queryClient.setQueriesData<NotificationPage>({ queryKey: queryKeys.notifications }, (page) =>
        page?.items
          ? { ...page, unreadCount: 0, items: page.items.map((n) => ({ ...n, readAt: n.readAt ?? now })) }
          : page,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
