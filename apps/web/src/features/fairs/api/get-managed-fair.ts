import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Fair } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairKeys } from './keys';

export const getManagedFair = (id: string, signal?: AbortSignal) =>
  api.get<Fair>(`/organizer/fairs/${encodeURIComponent(id)}`, undefined, signal);

export const managedFairQuery = (id: string) =>
  queryOptions({ queryKey: fairKeys.managedDetail(id), queryFn: ({ signal }) => getManagedFair(id, signal) });

export function useManagedFair(id: string | undefined) {
  return useQuery({ ...managedFairQuery(id ?? ''), enabled: Boolean(id) });
}
