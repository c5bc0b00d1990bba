import { useMutation } from '@tanstack/react-query';
import type { MyDataExport } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

/** Fetches the person's data with the session token and saves it as a JSON file. */
export async function downloadMyData(): Promise<void> {
  const data = await api.get<MyDataExport>('/privacy/me');
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `craftmatch-my-data-${data.exportedAt.slice(0, 10)}.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function useDownloadMyData() {
  return useMutation({ mutationFn: downloadMyData });
}
