import { useQuery } from '@tanstack/react-query';
import type { Fair } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { schedulingKeys } from './keys';

/** The fair as the organizer sees it: names and time zone. */
export function useScheduleFair(fairId: string) {
  return useQuery({
    queryKey: schedulingKeys.fair(fairId),
    queryFn: ({ signal }) =>
      api.get<Fair>(`/organizer/fairs/${encodeURIComponent(fairId)}`, undefined, signal),
    enabled: Boolean(fairId),
  });
}
