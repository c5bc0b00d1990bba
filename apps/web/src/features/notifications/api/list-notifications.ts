import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationPage } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listNotifications = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<NotificationPage>('/notifications', { page, pageSize }, signal);

export const notificationsQuery = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: queryKeys.notificationPage(page, pageSize),
    queryFn: ({ signal }) => listNotifications(page, pageSize, signal),
    placeholderData: keepPreviousData,
  });

export function useNotifications(page: number, pageSize: number, enabled = true) {
  return useQuery({ ...notificationsQuery(page, pageSize), enabled });
}
