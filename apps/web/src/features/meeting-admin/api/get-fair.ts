import { useQuery } from '@tanstack/react-query';
import type { Fair } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingAdminKeys } from './keys';

/** The fair as the organizer sees it: names, time zone, days and halls. */
export const getAdminFair = (fairId: string, signal?: AbortSignal) =>
  api.get<Fair>(`/organizer/fairs/${encodeURIComponent(fairId)}`, undefined, signal);

export function useAdminFair(fairId: string) {
  return useQuery({
    queryKey: meetingAdminKeys.fair(fairId),
    queryFn: ({ signal }) => getAdminFair(fairId, signal),
    enabled: Boolean(fairId),
  });
}
