import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanySummary, ListCompaniesQuery, Page } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listCompanies = (query: ListCompaniesQuery, signal?: AbortSignal) =>
  api.get<Page<CompanySummary>>('/companies', { ...query }, signal);

export const companiesListQuery = (query: ListCompaniesQuery) =>
  queryOptions({
    queryKey: queryKeys.companyList(query),
    queryFn: ({ signal }) => listCompanies(query, signal),
    placeholderData: keepPreviousData,
  });

export function useCompaniesList(query: ListCompaniesQuery) {
  return useQuery(companiesListQuery(query));
}
