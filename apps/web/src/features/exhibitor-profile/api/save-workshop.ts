import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Workshop, WorkshopRequest } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const saveWorkshop = (companyId: string, body: WorkshopRequest, id?: string) =>
  apiRequest<Workshop>(
    id ? `${exhibitorPath(companyId)}/workshops/${id}` : `${exhibitorPath(companyId)}/workshops`,
    {
      method: id ? 'PUT' : 'POST',
      body,
    },
  );

export function useSaveWorkshop(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: WorkshopRequest }) => saveWorkshop(companyId, body, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
