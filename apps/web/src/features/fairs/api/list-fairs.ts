import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FairPage, ListFairsQuery } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairKeys } from './keys';

export const listFairs = (query: ListFairsQuery, signal?: AbortSignal) =>
  api.get<FairPage>('/fairs', { ...query }, signal);

export const fairsQuery = (query: ListFairsQuery) =>
  queryOptions({
    queryKey: fairKeys.publicList(query),
    queryFn: ({ signal }) => listFairs(query, signal),
    placeholderData: keepPreviousData,
  });

export function useFairs(query: ListFairsQuery) {
  return useQuery(fairsQuery(query));
}
