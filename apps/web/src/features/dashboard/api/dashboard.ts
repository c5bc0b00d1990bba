import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardQuery, DashboardResponse, FairPage } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export const getDashboard = (query: DashboardQuery, signal?: AbortSignal) =>
  api.get<DashboardResponse>('/dashboard', { ...query }, signal);

/** The results of one fair, a range of years or every fair; refetched live by the realtime bridge. */
export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: [...dashboardKeys.all, query] as const,
    queryFn: ({ signal }) => getDashboard(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The fairs the organizer can pick from (newest first, one page of 100). */
export function useDashboardFairs() {
  return useQuery({
    queryKey: dashboardKeys.fairs,
    queryFn: ({ signal }) => api.get<FairPage>('/organizer/fairs', { page: 1, pageSize: 100 }, signal),
    staleTime: 60_000,
  });
}
