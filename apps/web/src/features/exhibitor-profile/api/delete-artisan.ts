import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const deleteArtisan = (companyId: string, workshopId: string, id: string) =>
  apiRequest<void>(`${exhibitorPath(companyId)}/workshops/${workshopId}/artisans/${id}`, {
    method: 'DELETE',
  });

export function useDeleteArtisan(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workshopId, id }: { workshopId: string; id: string }) =>
      deleteArtisan(companyId, workshopId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
