import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CompanySummary, ListCompaniesQuery, Page } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { moderationKeys } from './keys';

export const listCompanies = (query: ListCompaniesQuery, signal?: AbortSignal) =>
  api.get<Page<CompanySummary>>('/companies', { ...query }, signal);

export const moderationCompaniesQuery = (query: ListCompaniesQuery) =>
  queryOptions({
    queryKey: moderationKeys.companies(query),
    queryFn: ({ signal }) => listCompanies(query, signal),
    placeholderData: keepPreviousData,
  });

export function useModerationCompanies(query: ListCompaniesQuery) {
  return useQuery(moderationCompaniesQuery(query));
}
