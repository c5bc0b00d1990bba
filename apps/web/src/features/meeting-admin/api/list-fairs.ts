import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FairPage, ListManagedFairsQuery } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingAdminKeys } from './keys';

export const listAdminFairs = (query: ListManagedFairsQuery, signal?: AbortSignal) =>
  api.get<FairPage>('/organizer/fairs', { ...query }, signal);

/** The fairs an organizer can open the B2B meeting desk of. */
export function useAdminFairs(query: ListManagedFairsQuery) {
  return useQuery({
    queryKey: meetingAdminKeys.fairs(query),
    queryFn: ({ signal }) => listAdminFairs(query, signal),
    placeholderData: keepPreviousData,
  });
}
