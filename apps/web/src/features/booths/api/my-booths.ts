import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Booth } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const getMyBooths = (signal?: AbortSignal) => api.get<Booth[]>('/booths/mine', undefined, signal);

export const myBoothsQuery = () =>
  queryOptions({ queryKey: boothKeys.mine, queryFn: ({ signal }) => getMyBooths(signal) });

export function useMyBooths() {
  return useQuery(myBoothsQuery());
}
