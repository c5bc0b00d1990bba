import { useQuery } from '@tanstack/react-query';
import type { MeetingAwaitingInterpreter } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairPath, meetingAdminKeys } from './keys';

export const listWaitingMeetings = (fairId: string, signal?: AbortSignal) =>
  api.get<MeetingAwaitingInterpreter[]>(
    `${fairPath(fairId)}/interpreters/waiting-meetings`,
    undefined,
    signal,
  );

/** Accepted meetings still without the interpreter they asked for, with the interpreters free for each. */
export function useWaitingMeetings(fairId: string) {
  return useQuery({
    queryKey: meetingAdminKeys.waiting(fairId),
    queryFn: ({ signal }) => listWaitingMeetings(fairId, signal),
  });
}
