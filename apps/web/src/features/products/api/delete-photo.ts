import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Product } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { productKeys, productPath } from './keys';

export const deletePhoto = (id: string, fileId: string) =>
  apiRequest<Product>(`${productPath(id)}/photos/${encodeURIComponent(fileId)}`, { method: 'DELETE' });

export function useDeletePhoto(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => deletePhoto(id, fileId),
    onSuccess: (product) => {
      queryClient.setQueryData(productKeys.detail(id), product);
      return queryClient.invalidateQueries({ queryKey: productKeys.lists });
    },
  });
}
