import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Product, ReorderPhotosRequest } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { productKeys, productPath } from './keys';

export const reorderPhotos = (id: string, fileIds: string[]) =>
  apiRequest<Product>(`${productPath(id)}/photos/order`, {
    method: 'PUT',
    body: { fileIds } satisfies ReorderPhotosRequest,
  });

export function useReorderPhotos(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileIds: string[]) => reorderPhotos(id, fileIds),
    onSuccess: (product) => {
      queryClient.setQueryData(productKeys.detail(id), product);
      return queryClient.invalidateQueries({ queryKey: productKeys.lists });
    },
  });
}
