import { useQuery } from '@tanstack/react-query';
import type { FairMeetingStats } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairPath, meetingAdminKeys } from './keys';

export const getMeetingStats = (fairId: string, signal?: AbortSignal) =>
  api.get<FairMeetingStats>(`${fairPath(fairId)}/meeting-stats`, undefined, signal);

export function useMeetingStats(fairId: string) {
  return useQuery({
    queryKey: meetingAdminKeys.stats(fairId),
    queryFn: ({ signal }) => getMeetingStats(fairId, signal),
  });
}
