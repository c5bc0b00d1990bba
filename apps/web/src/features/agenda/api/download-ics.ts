import { useMutation } from '@tanstack/react-query';
import { API_BASE, ApiError, refreshSession, tokenStore } from '../../../lib/api-client';
import { currentLanguage } from '../../../lib/i18n';

/** Where one meeting's calendar file is served. */
export const meetingIcsPath = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/ics`;

async function fetchIcs(meetingId: string, retry = true): Promise<Blob> {
  const token = tokenStore.get();
  const response = await fetch(`${API_BASE}${meetingIcsPath(meetingId)}`, {
    headers: {
      Accept: 'text/calendar',
      'Accept-Language': currentLanguage(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    credentials: 'include',
  });
  if (response.status === 401 && retry && (await refreshSession())) return fetchIcs(meetingId, false);
  if (!response.ok) {
    let body = {};
    try {
      body = await response.json();
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, body);
  }
  return response.blob();
}

/**
 * The API needs the bearer token, which a plain link cannot send: fetch the file, then hand it to
 * the browser as a download.
 */
export async function downloadMeetingIcs(meetingId: string, fileName: string) {
  const blob = await fetchIcs(meetingId);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useDownloadIcs() {
  return useMutation({
    mutationFn: ({ meetingId, fileName }: { meetingId: string; fileName: string }) =>
      downloadMeetingIcs(meetingId, fileName),
  });
}
