import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type ApiErrorBody, type Product } from '@craftmatch/shared';
import { API_BASE, ApiError, refreshSession, tokenStore } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';
import { productKeys, productPath } from './keys';

/** POST /products/:id/photos as multipart/form-data, with one retry after a token refresh. */
export async function uploadPhoto(id: string, file: File): Promise<Product> {
  const send = async () => {
    const form = new FormData();
    form.append('file', file, file.name);
    const token = tokenStore.get();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await fetch(`${API_BASE}${productPath(id)}/photos`, {
        method: 'POST',
        headers,
        body: form,
        credentials: 'include',
      });
    } catch {
      throw new ApiError(0, { code: 'NETWORK_ERROR', message: '' });
    }
  };
  let response = await send();
  if (response.status === 401 && tokenStore.get() && (await refreshSession())) response = await send();
  if (!response.ok) {
    const body = await response
      .json()
      .then((parsed) => parsed as Partial<ApiErrorBody>)
      .catch(() => ({ code: response.status === 413 ? ErrorCode.FILE_TOO_LARGE : ErrorCode.INTERNAL_ERROR }));
    throw new ApiError(response.status, body);
  }
  return (await response.json()) as Product;
}

export function useUploadPhoto(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadPhoto(id, file),
    onSuccess: (product) => {
      queryClient.setQueryData(productKeys.detail(id), product);
      return queryClient.invalidateQueries({ queryKey: productKeys.lists });
    },
  });
}
