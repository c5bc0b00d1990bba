import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { B2bTable, CreateB2bTableRequest } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { fairPath, meetingAdminKeys } from './keys';

const tablesPath = (fairId: string) => `${fairPath(fairId)}/b2b-tables`;

export const listTables = (fairId: string, signal?: AbortSignal) =>
  api.get<B2bTable[]>(tablesPath(fairId), undefined, signal);

export const createTable = (fairId: string, body: CreateB2bTableRequest) =>
  api.post<B2bTable>(tablesPath(fairId), body);

export const deleteTable = (fairId: string, tableId: string) =>
  apiRequest<void>(`${tablesPath(fairId)}/${encodeURIComponent(tableId)}`, { method: 'DELETE' });

export function useTables(fairId: string) {
  return useQuery({
    queryKey: meetingAdminKeys.tables(fairId),
    queryFn: ({ signal }) => listTables(fairId, signal),
  });
}

export function useCreateTable(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateB2bTableRequest) => createTable(fairId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingAdminKeys.tables(fairId) }),
  });
}

export function useDeleteTable(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tableId: string) => deleteTable(fairId, tableId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingAdminKeys.tables(fairId) }),
  });
}
