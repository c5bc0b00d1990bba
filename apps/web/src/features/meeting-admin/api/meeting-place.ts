import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingPlace, SetMeetingPlaceRequest } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { meetingAdminKeys } from './keys';

export const setMeetingPlace = (meetingId: string, body: SetMeetingPlaceRequest) =>
  api.patch<MeetingPlace>(`/meetings/${encodeURIComponent(meetingId)}/place`, body);

export const unassignInterpreter = (meetingId: string) =>
  apiRequest<void>(`/meetings/${encodeURIComponent(meetingId)}/interpreter`, { method: 'DELETE' });

export function useSetMeetingPlace(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: string; body: SetMeetingPlaceRequest }) =>
      setMeetingPlace(meetingId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingAdminKeys.fairRoot(fairId) }),
  });
}

/** The meeting goes back to waiting for an interpreter. */
export function useUnassignInterpreter(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (meetingId: string) => unassignInterpreter(meetingId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingAdminKeys.fairRoot(fairId) }),
  });
}
