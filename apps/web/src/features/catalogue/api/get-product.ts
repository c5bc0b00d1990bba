import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicProduct } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { catalogueKeys } from './keys';

export const getPublicProduct = (slug: string, signal?: AbortSignal) =>
  api.get<PublicProduct>(`/catalogue/products/${encodeURIComponent(slug)}`, undefined, signal);

export const publicProductQuery = (slug: string) =>
  queryOptions({
    queryKey: catalogueKeys.product(slug),
    queryFn: ({ signal }) => getPublicProduct(slug, signal),
  });

export function usePublicProduct(slug: string) {
  return useQuery(publicProductQuery(slug));
}
