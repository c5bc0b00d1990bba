import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';

const key = ['auth', 'sessions'] as const;

export const fetchSessions = (signal?: AbortSignal) =>
  api.get<SessionInfo[]>('/auth/sessions', undefined, signal);

export function useSessions() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => fetchSessions(signal) });
}

/** Ends one session, or (no id) every session but this one. */
export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      apiRequest<void>(id ? `/auth/sessions/${id}` : '/auth/sessions', { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
