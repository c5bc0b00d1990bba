import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignInterpreterRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingAdminKeys } from './keys';

export const assignInterpreter = (meetingId: string, body: AssignInterpreterRequest) =>
  api.post<unknown>(`/meetings/${encodeURIComponent(meetingId)}/interpreter`, body);

/** Manual assignment; the waiting list, the stats, the list and the interpreters' counts all change. */
export function useAssignInterpreter(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, userId }: { meetingId: string; userId: string }) =>
      assignInterpreter(meetingId, { userId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingAdminKeys.fairRoot(fairId) }),
  });
}
