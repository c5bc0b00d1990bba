import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const deleteWorkshop = (companyId: string, id: string) =>
  apiRequest<void>(`${exhibitorPath(companyId)}/workshops/${id}`, { method: 'DELETE' });

export function useDeleteWorkshop(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWorkshop(companyId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
