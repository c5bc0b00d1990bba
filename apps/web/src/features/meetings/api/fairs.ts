import { useQuery } from '@tanstack/react-query';
import type { Fair, FairPage, FairSummary } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** Fairs where meetings can be arranged: open for registration or live. Live first. */
export const getMeetingFairs = async (signal?: AbortSignal): Promise<FairSummary[]> => {
  const page = await api.get<FairPage>('/fairs', { when: 'upcoming', pageSize: 100 }, signal);
  const open = page.items.filter((f) => f.status === 'live' || f.status === 'registration');
  return [...open.filter((f) => f.status === 'live'), ...open.filter((f) => f.status !== 'live')];
};

export function useMeetingFairs() {
  return useQuery({
    queryKey: meetingKeys.fairs,
    queryFn: ({ signal }) => getMeetingFairs(signal),
    staleTime: 5 * 60_000,
  });
}

/** A fair with its days (public, by slug). */
export const getFair = (slug: string, signal?: AbortSignal) =>
  api.get<Fair>(`/fairs/${encodeURIComponent(slug)}`, undefined, signal);

export function useFair(slug: string | null | undefined) {
  return useQuery({
    queryKey: meetingKeys.fair(slug ?? ''),
    queryFn: ({ signal }) => getFair(slug as string, signal),
    enabled: Boolean(slug),
    staleTime: 5 * 60_000,
  });
}
