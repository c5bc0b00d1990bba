import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const removeLogo = (companyId: string) =>
  apiRequest<void>(`${exhibitorPath(companyId)}/logo`, { method: 'DELETE' });

export function useRemoveLogo(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => removeLogo(companyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
