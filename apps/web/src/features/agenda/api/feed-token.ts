import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedToken, CalendarFeedTokenStatus } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { agendaKeys } from './keys';

/** Whether the caller has a calendar feed link (the secret is only shown when made). */
export const getFeedToken = (signal?: AbortSignal) =>
  api.get<CalendarFeedTokenStatus>('/calendar/feed-token', undefined, signal);

export function useFeedToken() {
  return useQuery({ queryKey: agendaKeys.feedToken, queryFn: ({ signal }) => getFeedToken(signal) });
}

/** A new secret feed link; any older one stops working. */
export const createFeedToken = () => api.post<CalendarFeedToken>('/calendar/feed-token');

export function useCreateFeedToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFeedToken,
    onSuccess: (token) =>
      queryClient.setQueryData<CalendarFeedTokenStatus>(agendaKeys.feedToken, {
        active: true,
        createdAt: token.createdAt,
      }),
  });
}
