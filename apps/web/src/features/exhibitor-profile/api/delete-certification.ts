import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const deleteCertification = (companyId: string, id: string) =>
  apiRequest<void>(`${exhibitorPath(companyId)}/certifications/${id}`, { method: 'DELETE' });

export function useDeleteCertification(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCertification(companyId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
