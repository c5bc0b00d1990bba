import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanyMember } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getCompanyMembers = (id: string, signal?: AbortSignal) =>
  api.get<CompanyMember[]>(`/companies/${encodeURIComponent(id)}/members`, undefined, signal);

export const companyMembersQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.companyMembers(id),
    queryFn: ({ signal }) => getCompanyMembers(id, signal),
  });

export function useCompanyMembers(id: string | undefined) {
  return useQuery({ ...companyMembersQuery(id ?? ''), enabled: Boolean(id) });
}
