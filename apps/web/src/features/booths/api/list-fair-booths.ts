import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BoothPage, Fair, ListBoothsQuery } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const listFairBooths = (fairId: string, query: ListBoothsQuery, signal?: AbortSignal) =>
  api.get<BoothPage>(`/fairs/${encodeURIComponent(fairId)}/booths`, { ...query }, signal);

export function useFairBooths(fairId: string, query: ListBoothsQuery) {
  return useQuery({
    queryKey: boothKeys.fairList(fairId, query),
    queryFn: ({ signal }) => listFairBooths(fairId, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The fair itself (names, halls), as the organizer sees it. */
export const getManagedFairForBooths = (fairId: string, signal?: AbortSignal) =>
  api.get<Fair>(`/organizer/fairs/${encodeURIComponent(fairId)}`, undefined, signal);

export function useManagedFairForBooths(fairId: string) {
  return useQuery({
    queryKey: boothKeys.managedFair(fairId),
    queryFn: ({ signal }) => getManagedFairForBooths(fairId, signal),
  });
}
