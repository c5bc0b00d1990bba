import { queryKeys } from '../../../lib/query-keys';

/**
 * Query keys of the organizer's results dashboard. Every dashboard key starts with queryKeys.dashboard,
 * which the realtime bridge invalidates on `dashboard:changed` and `meeting:changed`.
 */
export const dashboardKeys = {
  all: queryKeys.dashboard,
  fairs: ['dashboard-fairs'] as const,
  fxRates: (currency: string | null) => ['fx-rates', currency ?? 'all'] as const,
  fxRatesAll: ['fx-rates'] as const,
};
