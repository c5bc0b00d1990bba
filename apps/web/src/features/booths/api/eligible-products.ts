import { useQuery } from '@tanstack/react-query';
import type { EligibleProduct } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const getEligibleProducts = (signal?: AbortSignal) =>
  api.get<EligibleProduct[]>('/booths/eligible-products', undefined, signal);

export function useEligibleProducts() {
  return useQuery({
    queryKey: boothKeys.eligibleProducts,
    queryFn: ({ signal }) => getEligibleProducts(signal),
  });
}
