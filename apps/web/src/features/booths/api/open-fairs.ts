import { useQuery } from '@tanstack/react-query';
import type { Fair, FairPage } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { boothKeys } from './keys';

/** Fairs open for booth applications. */
export const getOpenFairs = async (signal?: AbortSignal) => {
  const page = await api.get<FairPage>('/fairs', { when: 'upcoming', pageSize: 100 }, signal);
  return page.items.filter((f) => f.status === 'registration');
};

export function useOpenFairs() {
  return useQuery({ queryKey: boothKeys.openFairs, queryFn: ({ signal }) => getOpenFairs(signal) });
}

/** A fair's halls, to pick a preferred one. */
export const getFairForBooth = (slug: string, signal?: AbortSignal) =>
  api.get<Fair>(`/fairs/${encodeURIComponent(slug)}`, undefined, signal);

export function useFairForBooth(slug: string | null) {
  return useQuery({
    queryKey: boothKeys.fair(slug ?? ''),
    queryFn: ({ signal }) => getFairForBooth(slug as string, signal),
    enabled: Boolean(slug),
  });
}
