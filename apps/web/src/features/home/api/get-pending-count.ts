import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanySummary, ListCompaniesQuery, Page } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const query: ListCompaniesQuery = { status: 'pending', page: 1, pageSize: 1 };

/** Only the total is used; keyed under the company lists so approvals refresh it. */
export const getPendingCount = (signal?: AbortSignal) =>
  api.get<Page<CompanySummary>>('/companies', { ...query }, signal).then((page) => page.total);

export const pendingCountQuery = () =>
  queryOptions({
    queryKey: [...queryKeys.companyList(query), 'count'],
    queryFn: ({ signal }) => getPendingCount(signal),
  });

export function usePendingCount(enabled: boolean) {
  return useQuery({ ...pendingCountQuery(), enabled });
}
