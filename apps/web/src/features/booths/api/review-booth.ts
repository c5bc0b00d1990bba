import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApproveBoothRequest, Booth } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const approveBooth = (id: string, body: ApproveBoothRequest) =>
  api.post<Booth>(`/booths/${encodeURIComponent(id)}/approve`, body);
export const rejectBooth = (id: string, reason: string) =>
  api.post<Booth>(`/booths/${encodeURIComponent(id)}/reject`, { reason });

function useInvalidate() {
  const queryClient = useQueryClient();
  return (booth: Booth) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: boothKeys.fairLists(booth.fairId) }),
      queryClient.invalidateQueries({ queryKey: boothKeys.floor(booth.fairId) }),
    ]);
}

export function useApproveBooth() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApproveBoothRequest }) => approveBooth(id, body),
    onSuccess: invalidate,
  });
}

export function useRejectBooth() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => rejectBooth(id, reason),
    onSuccess: invalidate,
  });
}
