import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateFairRequest, Fair, UpdateFairRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairKeys } from './keys';

export const createFair = (body: CreateFairRequest) => api.post<Fair>('/organizer/fairs', body);
export const updateFair = (id: string, body: UpdateFairRequest) =>
  api.patch<Fair>(`/organizer/fairs/${encodeURIComponent(id)}`, body);

/** Creates a fair, or updates it when an id is given. */
export function useSaveFair(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFairRequest) => (id ? updateFair(id, body) : createFair(body)),
    onSuccess: (fair) => {
      queryClient.setQueryData(fairKeys.managedDetail(fair.id), fair);
      return queryClient.invalidateQueries({ queryKey: fairKeys.all });
    },
  });
}
