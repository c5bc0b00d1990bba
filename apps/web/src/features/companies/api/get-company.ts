import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanySummary } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getCompany = (id: string, signal?: AbortSignal) =>
  api.get<CompanySummary>(`/companies/${encodeURIComponent(id)}`, undefined, signal);

export const companyQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.company(id), queryFn: ({ signal }) => getCompany(id, signal) });

export function useCompany(id: string | undefined) {
  return useQuery({ ...companyQuery(id ?? ''), enabled: Boolean(id) });
}
