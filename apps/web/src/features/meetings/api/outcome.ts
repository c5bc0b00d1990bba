import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingOutcome, MyMeetingOutcome, SaveMeetingOutcomeRequest } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { meetingKeys } from './keys';

const outcomeKey = (id: string) => [...meetingKeys.detail(id), 'outcome'] as const;

/** The caller's company's own outcome of a held meeting (never the other company's). */
export const getOutcome = (id: string, signal?: AbortSignal) =>
  api.get<MyMeetingOutcome>(`/meetings/${encodeURIComponent(id)}/outcome`, undefined, signal);

export function useOutcome(id: string, enabled: boolean) {
  return useQuery({ queryKey: outcomeKey(id), queryFn: ({ signal }) => getOutcome(id, signal), enabled });
}

export const saveOutcome = (id: string, body: SaveMeetingOutcomeRequest) =>
  apiRequest<MeetingOutcome>(`/meetings/${encodeURIComponent(id)}/outcome`, { method: 'PUT', body });

export function useSaveOutcome(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveMeetingOutcomeRequest) => saveOutcome(id, body),
    onSuccess: (outcome) => queryClient.setQueryData<MyMeetingOutcome>(outcomeKey(id), { outcome }),
  });
}
