import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FxRate, SetFxRateRequest } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { dashboardKeys } from './keys';

export const listFxRates = (currency: string | null, signal?: AbortSignal) =>
  api.get<FxRate[]>('/fx-rates', { currency: currency ?? undefined }, signal);

/** FX rates to USD, newest effective date first; one currency or all. */
export function useFxRates(currency: string | null) {
  return useQuery({
    queryKey: dashboardKeys.fxRates(currency),
    queryFn: ({ signal }) => listFxRates(currency, signal),
  });
}

/** PUT /fx-rates: upsert by currency and effective date (organizer only). */
export function useSetFxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetFxRateRequest) => apiRequest<FxRate>('/fx-rates', { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.fxRatesAll }),
  });
}
