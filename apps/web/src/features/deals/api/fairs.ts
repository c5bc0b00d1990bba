import { useQuery } from '@tanstack/react-query';
import type { FairPage, FairSummary } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { dealKeys } from './keys';

/** Fairs where deals are recorded: live first, then upcoming, then past ones (deals close after a fair). */
export const getDealFairs = async (signal?: AbortSignal): Promise<FairSummary[]> => {
  const [upcoming, past] = await Promise.all([
    api.get<FairPage>('/fairs', { when: 'upcoming', pageSize: 100 }, signal),
    api.get<FairPage>('/fairs', { when: 'past', pageSize: 100 }, signal),
  ]);
  const seen = new Set<string>();
  const all = [...upcoming.items, ...past.items].filter((f) => !seen.has(f.id) && seen.add(f.id));
  return [...all.filter((f) => f.status === 'live'), ...all.filter((f) => f.status !== 'live')];
};

export function useDealFairs() {
  return useQuery({
    queryKey: dealKeys.fairs,
    queryFn: ({ signal }) => getDealFairs(signal),
    staleTime: 5 * 60_000,
  });
}
