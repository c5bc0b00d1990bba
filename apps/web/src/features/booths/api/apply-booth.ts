import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplyBoothRequest, Booth } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const applyBooth = (fairId: string, body: ApplyBoothRequest) =>
  api.post<Booth>(`/fairs/${encodeURIComponent(fairId)}/booths`, body);

export function useApplyBooth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fairId, body }: { fairId: string; body: ApplyBoothRequest }) => applyBooth(fairId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: boothKeys.mine }),
  });
}
