import { ErrorCode, type ApiErrorBody } from '@craftmatch/shared';
import { API_BASE, ApiError, refreshSession, tokenStore } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';

type Query = Record<string, string | undefined>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    return new ApiError(response.status, (await response.json()) as Partial<ApiErrorBody>);
  } catch {
    return new ApiError(response.status, {
      code: response.status === 413 ? ErrorCode.FILE_TOO_LARGE : ErrorCode.INTERNAL_ERROR,
    });
  }
}

/** fetch with the session token, in the viewer's language, retried once after a token refresh */
async function send(input: string, init: RequestInit & { accept: string }): Promise<Response> {
  const attempt = async () => {
    const token = tokenStore.get();
    try {
      return await fetch(input, {
        ...init,
        headers: {
          Accept: init.accept,
          'Accept-Language': currentLanguage(),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        credentials: 'include',
      });
    } catch {
      throw new ApiError(0, { code: 'NETWORK_ERROR', message: '' });
    }
  };
  let response = await attempt();
  if (response.status === 401 && tokenStore.get() && (await refreshSession())) response = await attempt();
  if (!response.ok) throw await toError(response);
  return response;
}

/** "attachment; filename="exhibitors.csv"" → exhibitors.csv */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  const plain = disposition?.match(/filename="?([^";]+)"?/i);
  return plain ? plain[1] : fallback;
}

/** GETs a file the API serves (it needs the bearer token, which a plain link cannot send). */
export async function fetchFile(path: string, query: Query, fallbackName: string) {
  const response = await send(url(path, query), { method: 'GET', accept: '*/*' });
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get('content-disposition'), fallbackName),
  };
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export async function downloadFile(path: string, query: Query, fallbackName: string) {
  const { blob, fileName } = await fetchFile(path, query, fallbackName);
  saveBlob(blob, fileName);
}

/** POSTs one file as multipart/form-data (field `file`) and returns the JSON answer. */
export async function postFile<T>(path: string, query: Query, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send(url(path, query), { method: 'POST', body: form, accept: 'application/json' });
  return (await response.json()) as T;
}
