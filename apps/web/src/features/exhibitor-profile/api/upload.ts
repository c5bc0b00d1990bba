import { ErrorCode, type ApiErrorBody } from '@craftmatch/shared';
import { API_BASE, ApiError, refreshSession, tokenStore } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';

/** POSTs one file as multipart/form-data (field `file`), with the session token and one retry after a refresh. */
export async function uploadFile<T>(path: string, file: File | Blob, filename?: string): Promise<T> {
  const send = async () => {
    const form = new FormData();
    if (filename) form.append('file', file, filename);
    else form.append('file', file);
    const token = tokenStore.get();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await fetch(`${API_BASE}${path}`, {
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
    let body: Partial<ApiErrorBody>;
    try {
      body = (await response.json()) as Partial<ApiErrorBody>;
    } catch {
      body = { code: response.status === 413 ? ErrorCode.FILE_TOO_LARGE : ErrorCode.INTERNAL_ERROR };
    }
    throw new ApiError(response.status, body);
  }
  return (await response.json()) as T;
}
