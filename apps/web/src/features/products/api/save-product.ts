import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProductRequest, Product, UpdateProductRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { productKeys, productPath } from './keys';

export const createProduct = (body: CreateProductRequest) => api.post<Product>('/products', body);
export const updateProduct = (id: string, body: UpdateProductRequest) =>
  api.patch<Product>(productPath(id), body);

/** Creates when there is no id yet, updates otherwise. */
export function useSaveProduct(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProductRequest) => (id ? updateProduct(id, body) : createProduct(body)),
    onSuccess: (product) => {
      queryClient.setQueryData(productKeys.detail(product.id), product);
      return queryClient.invalidateQueries({ queryKey: productKeys.lists });
    },
  });
}
