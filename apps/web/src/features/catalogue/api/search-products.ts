import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { CatalogueProductPage, CatalogueProductQuery } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { catalogueKeys } from './keys';

export const searchProducts = (query: CatalogueProductQuery, signal?: AbortSignal) =>
  api.get<CatalogueProductPage>('/catalogue/products', { ...query }, signal);

export const searchProductsQuery = (query: Omit<CatalogueProductQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: catalogueKeys.products(query),
    queryFn: ({ pageParam, signal }) => searchProducts({ ...query, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** Keyset pages: "Load more" asks for the next cursor. */
export function useSearchProducts(query: Omit<CatalogueProductQuery, 'cursor'>) {
  return useInfiniteQuery({ ...searchProductsQuery(query), placeholderData: keepPreviousData });
}
