import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Fair, FairStatus } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairKeys } from './keys';

export const changeFairStatus = (id: string, status: FairStatus) =>
  api.post<Fair>(`/organizer/fairs/${encodeURIComponent(id)}/status`, { status });

export function useChangeFairStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: FairStatus }) => changeFairStatus(id, status),
    onSuccess: (fair) => {
      queryClient.setQueryData(fairKeys.managedDetail(fair.id), fair);
      return queryClient.invalidateQueries({ queryKey: fairKeys.all });
    },
  });
}
