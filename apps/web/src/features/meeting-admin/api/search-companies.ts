import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CompanySummary, Page } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingAdminKeys } from './keys';

export const searchCompanies = (q: string, signal?: AbortSignal) =>
  api.get<Page<CompanySummary>>('/companies', { q, status: 'approved', pageSize: 20 }, signal);

/** Approved companies by name, for the meeting list's company filter. */
export function useCompanySearch(q: string) {
  return useQuery({
    queryKey: meetingAdminKeys.companies(q),
    queryFn: ({ signal }) => searchCompanies(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
