import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Fair } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairKeys } from './keys';

export const getFair = (slug: string, signal?: AbortSignal) =>
  api.get<Fair>(`/fairs/${encodeURIComponent(slug)}`, undefined, signal);

export const fairQuery = (slug: string) =>
  queryOptions({ queryKey: fairKeys.publicDetail(slug), queryFn: ({ signal }) => getFair(slug, signal) });

export function useFair(slug: string) {
  return useQuery(fairQuery(slug));
}
