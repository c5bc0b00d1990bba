import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Workshop } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { productKeys } from './keys';

/** The company's workshops with their artisans (kept in the exhibitor profile), for the "made by" pickers. */
export const getWorkshops = (companyId: string, signal?: AbortSignal) =>
  api.get<Workshop[]>(`/exhibitors/${encodeURIComponent(companyId)}/workshops`, undefined, signal);

export const workshopsQuery = (companyId: string) =>
  queryOptions({
    queryKey: productKeys.workshops(companyId),
    queryFn: ({ signal }) => getWorkshops(companyId, signal),
  });

export function useWorkshops(companyId: string | undefined) {
  return useQuery({ ...workshopsQuery(companyId ?? ''), enabled: Boolean(companyId) });
}
