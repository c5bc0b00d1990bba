import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExportFormat,
  FairPage,
  ImportKind,
  ImportOutcome,
  ImportProgressEvent,
  ImportRowView,
  ImportView,
  Page,
} from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { connectSocket } from '../../../lib/socket';
import { downloadFile, postFile } from './files';
import { dataExchangeKeys } from './keys';

/** POST /imports?kind=: the file is read at once (refused whole when unreadable), then processed as a job. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      postFile<ImportView>('/imports', { kind }, file),
  });
}

export const isFinished = (view: ImportView | undefined) =>
  view?.status === 'done' || view?.status === 'failed';

/** GET /imports/:id, asked again while the job runs in case a progress push was missed. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: dataExchangeKeys.import(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<ImportView>(`/imports/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 5000),
  });
}

/**
 * Live progress of one import from `import:progress` in the organizers' room. When the last row is done the
 * import's view is fetched again for its final counts.
 */
export function useImportProgress(id: string | null): { done: number; total: number } | null {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ id: string; done: number; total: number } | null>(null);
  useEffect(() => {
    if (!id) return;
    const socket = connectSocket();
    const onProgress = (event: ImportProgressEvent) => {
      if (event.importId !== id) return;
      // pushes may arrive out of order: never move the bar back
      setProgress((p) =>
        p && p.id === id && p.done > event.done ? p : { id, done: event.done, total: event.total },
      );
      if (event.done >= event.total)
        void queryClient.invalidateQueries({ queryKey: dataExchangeKeys.import(id) });
    };
    socket.on('import:progress', onProgress);
    return () => {
      socket.off('import:progress', onProgress);
    };
  }, [id, queryClient]);
  return progress && progress.id === id ? { done: progress.done, total: progress.total } : null;
}

export const REPORT_PAGE_SIZE = 50;

/**
 * One page of the per-row report from GET /imports/:id/rows (reasons in the viewer's language), all rows or
 * one outcome. The previous page stays on screen while the next one loads.
 */
export function useImportRows(
  id: string | null,
  ready: boolean,
  options: { page: number; outcome: ImportOutcome | null; language: string },
) {
  const { page, outcome, language } = options;
  return useQuery({
    queryKey: [...dataExchangeKeys.report(id ?? ''), language, outcome ?? 'all', page],
    queryFn: ({ signal }) =>
      api.get<Page<ImportRowView>>(
        `/imports/${encodeURIComponent(id ?? '')}/rows`,
        { page, pageSize: REPORT_PAGE_SIZE, outcome: outcome ?? undefined },
        signal,
      ),
    enabled: id !== null && ready,
    placeholderData: keepPreviousData,
  });
}

export const downloadReport = (id: string, format: ExportFormat) =>
  downloadFile(`/imports/${encodeURIComponent(id)}/report`, { format }, `import-report.${format}`);

export const downloadTemplate = (kind: ImportKind, format: ExportFormat) =>
  downloadFile('/imports/template', { kind, format }, `${kind}-template.${format}`);

/** The fairs an export can be limited to. */
export function useExportFairs() {
  return useQuery({
    queryKey: dataExchangeKeys.fairs,
    queryFn: ({ signal }) => api.get<FairPage>('/organizer/fairs', { page: 1, pageSize: 100 }, signal),
    staleTime: 60_000,
  });
}
