import { ErrorCode, type ApiErrorBody, type ContractDetail } from '@craftmatch/shared';
import { API_BASE, ApiError, apiRequest, refreshSession, tokenStore } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';

const attachmentPath = (id: string) => `/contracts/${encodeURIComponent(id)}/attachment`;

/** What a contract's signed copy may be; the server judges the bytes, this only filters the file picker. */
export const ATTACHMENT_ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** fetch with the session token (a plain link cannot send it), retried once after a token refresh. */
async function send(init: { method: 'GET' | 'POST'; body?: FormData; accept: string }, id: string) {
  const attempt = async () => {
    const token = tokenStore.get();
    const headers: Record<string, string> = { Accept: init.accept, 'Accept-Language': currentLanguage() };
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await fetch(`${API_BASE}${attachmentPath(id)}`, {
        method: init.method,
        headers,
        body: init.body,
        credentials: 'include',
      });
    } catch {
      throw new ApiError(0, { code: 'NETWORK_ERROR', message: '' });
    }
  };
  let response = await attempt();
  if (response.status === 401 && tokenStore.get() && (await refreshSession())) response = await attempt();
  if (!response.ok) {
    const body = await response
      .json()
      .then((parsed) => parsed as Partial<ApiErrorBody>)
      .catch(() => ({ code: response.status === 413 ? ErrorCode.FILE_TOO_LARGE : ErrorCode.INTERNAL_ERROR }));
    throw new ApiError(response.status, body);
  }
  return response;
}

/** POST /contracts/:id/attachment as multipart/form-data: attaches or replaces the signed copy. */
export async function uploadAttachment(id: string, file: File): Promise<ContractDetail> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send({ method: 'POST', body: form, accept: 'application/json' }, id);
  return (await response.json()) as ContractDetail;
}

export const removeAttachment = (id: string) =>
  apiRequest<ContractDetail>(attachmentPath(id), { method: 'DELETE' });

/** GET /contracts/:id/attachment, handed to the browser as a download under the server's file name. */
export async function downloadAttachment(id: string): Promise<void> {
  const response = await send({ method: 'GET', accept: '*/*' }, id);
  const disposition = response.headers.get('content-disposition');
  const name = disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? `contract-${id}`;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
