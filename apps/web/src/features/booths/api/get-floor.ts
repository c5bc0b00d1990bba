import { useQuery } from '@tanstack/react-query';
import type { FloorPlan } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const getFloor = (fairId: string, signal?: AbortSignal) =>
  api.get<FloorPlan>(`/fairs/${encodeURIComponent(fairId)}/floor`, undefined, signal);

export function useFloor(fairId: string) {
  return useQuery({ queryKey: boothKeys.floor(fairId), queryFn: ({ signal }) => getFloor(fairId, signal) });
}
