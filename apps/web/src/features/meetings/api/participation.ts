import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FairParticipant, RegisterParticipantRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** The buyer company's staff registered as attending a fair. */
export const getMyParticipation = (fairId: string, signal?: AbortSignal) =>
  api.get<FairParticipant[]>(`/fairs/${encodeURIComponent(fairId)}/participants/mine`, undefined, signal);

export function useMyParticipation(fairId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.participation(fairId ?? ''),
    queryFn: ({ signal }) => getMyParticipation(fairId as string, signal),
    enabled: Boolean(fairId) && enabled,
  });
}

export const registerForFair = (fairId: string, body: RegisterParticipantRequest = {}) =>
  api.post<FairParticipant>(`/fairs/${encodeURIComponent(fairId)}/participants`, body);

export function useRegisterForFair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fairId: string) => registerForFair(fairId),
    onSuccess: (_data, fairId) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.participation(fairId) }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.attendees(fairId) }),
      ]),
  });
}
