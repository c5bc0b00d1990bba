import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Product } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { productKeys, productPath } from './keys';

export const publishProduct = (id: string) => api.post<Product>(`${productPath(id)}/publish`);
export const unpublishProduct = (id: string) => api.post<Product>(`${productPath(id)}/unpublish`);

/** `true` publishes, `false` moves the product back to draft. */
export function usePublishProduct(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (publish: boolean) => (publish ? publishProduct(id) : unpublishProduct(id)),
    onSuccess: (product) => {
      queryClient.setQueryData(productKeys.detail(product.id), product);
      return queryClient.invalidateQueries({ queryKey: productKeys.lists });
    },
  });
}
