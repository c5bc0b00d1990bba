import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FairMeetingPage, FairMeetingQuery } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairPath, meetingAdminKeys } from './keys';

export const listFairMeetings = (fairId: string, query: FairMeetingQuery, signal?: AbortSignal) =>
  api.get<FairMeetingPage>(`${fairPath(fairId)}/meetings`, { ...query }, signal);

export function useFairMeetings(fairId: string, query: FairMeetingQuery) {
  return useQuery({
    queryKey: meetingAdminKeys.meetings(fairId, query),
    queryFn: ({ signal }) => listFairMeetings(fairId, query, signal),
    placeholderData: keepPreviousData,
  });
}
