import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ListMyProductsQuery, ProductPage } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { productKeys } from './keys';

export const listMyProducts = (query: ListMyProductsQuery, signal?: AbortSignal) =>
  api.get<ProductPage>('/products', { ...query }, signal);

export const myProductsQuery = (query: ListMyProductsQuery) =>
  queryOptions({
    queryKey: productKeys.list(query),
    queryFn: ({ signal }) => listMyProducts(query, signal),
    placeholderData: keepPreviousData,
  });

export function useMyProducts(query: ListMyProductsQuery, enabled = true) {
  return useQuery({ ...myProductsQuery(query), enabled });
}
