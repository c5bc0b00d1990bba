import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FairPage, ListManagedFairsQuery } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairKeys } from './keys';

export const listManagedFairs = (query: ListManagedFairsQuery, signal?: AbortSignal) =>
  api.get<FairPage>('/organizer/fairs', { ...query }, signal);

export const managedFairsQuery = (query: ListManagedFairsQuery) =>
  queryOptions({
    queryKey: fairKeys.managedList(query),
    queryFn: ({ signal }) => listManagedFairs(query, signal),
    placeholderData: keepPreviousData,
  });

export function useManagedFairs(query: ListManagedFairsQuery) {
  return useQuery(managedFairsQuery(query));
}
