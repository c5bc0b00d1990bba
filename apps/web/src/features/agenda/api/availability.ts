import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Availability, SetAvailabilityRequest } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { agendaKeys } from './keys';

/** The slots the caller marked as not available at a fair. */
export const getAvailability = (fairId: string, signal?: AbortSignal) =>
  api.get<Availability>(`/fairs/${encodeURIComponent(fairId)}/availability`, undefined, signal);

export function useAvailability(fairId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: agendaKeys.availability(fairId ?? ''),
    queryFn: ({ signal }) => getAvailability(fairId as string, signal),
    enabled: Boolean(fairId) && enabled,
  });
}

export const setAvailability = (fairId: string, body: SetAvailabilityRequest) =>
  apiRequest<Availability>(`/fairs/${encodeURIComponent(fairId)}/availability`, { method: 'PUT', body });

export function useSetAvailability(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (blocked: string[]) => setAvailability(fairId, { blocked }),
    onSuccess: async (availability) => {
      queryClient.setQueryData(agendaKeys.availability(fairId), availability);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: agendaKeys.agenda(fairId) }),
        queryClient.invalidateQueries({ queryKey: ['meetings'] }),
      ]);
    },
  });
}
