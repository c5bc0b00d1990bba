import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const markNotificationRead = (id: string) =>
  api.post<void>(`/notifications/${encodeURIComponent(id)}/read`);

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    // Mark it read at once; the server confirms in the background.
    onMutate: (id) => {
      const now = new Date().toISOString();
      queryClient.setQueriesData<NotificationPage>({ queryKey: queryKeys.notifications }, (page) => {
        if (!page?.items) return page;
        const target = page.items.find((n) => n.id === id);
        if (!target || target.readAt) return page;
        return {
          ...page,
          unreadCount: Math.max(0, page.unreadCount - 1),
          items: page.items.map((n) => (n.id === id ? { ...n, readAt: now } : n)),
        };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}
