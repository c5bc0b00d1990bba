import { useQuery } from '@tanstack/react-query';
import type { FairAttendee } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** The attending people of the other side at a fair, whom the caller may ask for a meeting. */
export const getAttendees = (fairId: string, signal?: AbortSignal) =>
  api.get<FairAttendee[]>(`/fairs/${encodeURIComponent(fairId)}/attendees`, undefined, signal);

export function useAttendees(fairId: string | null | undefined) {
  return useQuery({
    queryKey: meetingKeys.attendees(fairId ?? ''),
    queryFn: ({ signal }) => getAttendees(fairId as string, signal),
    enabled: Boolean(fairId),
  });
}
