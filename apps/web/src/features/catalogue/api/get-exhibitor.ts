import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicExhibitor } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { catalogueKeys } from './keys';

export const getPublicExhibitor = (id: string, signal?: AbortSignal) =>
  api.get<PublicExhibitor>(`/catalogue/exhibitors/${encodeURIComponent(id)}`, undefined, signal);

export const publicExhibitorQuery = (id: string) =>
  queryOptions({
    queryKey: catalogueKeys.exhibitor(id),
    queryFn: ({ signal }) => getPublicExhibitor(id, signal),
  });

export function usePublicExhibitor(id: string) {
  return useQuery(publicExhibitorQuery(id));
}
