import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Product } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { productKeys, productPath } from './keys';

export const getProduct = (id: string, signal?: AbortSignal) =>
  api.get<Product>(productPath(id), undefined, signal);

export const productQuery = (id: string) =>
  queryOptions({ queryKey: productKeys.detail(id), queryFn: ({ signal }) => getProduct(id, signal) });

export function useProduct(id: string | undefined) {
  return useQuery({ ...productQuery(id ?? ''), enabled: Boolean(id) });
}
