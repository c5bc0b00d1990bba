import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Booth } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const withdrawBooth = (id: string) => api.post<Booth>(`/booths/${encodeURIComponent(id)}/withdraw`);

export function useWithdrawBooth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawBooth,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boothKeys.mine }),
  });
}
