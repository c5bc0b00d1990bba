import { useQuery } from '@tanstack/react-query';
import type { BoothPoster } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

export const getPoster = (id: string, signal?: AbortSignal) =>
  api.get<BoothPoster>(`/booths/${encodeURIComponent(id)}/poster`, undefined, signal);

export function usePoster(id: string) {
  return useQuery({ queryKey: boothKeys.poster(id), queryFn: ({ signal }) => getPoster(id, signal) });
}
