import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { FairPage, FairSummary, RecommendationPage, Wish, WishLevel } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { matchmakingKeys } from './keys';

const fairPath = (fairId: string) => `/fairs/${encodeURIComponent(fairId)}`;

/** Fairs where companies meet: live ones first, then those open for registration. */
export const getMatchmakingFairs = async (signal?: AbortSignal): Promise<FairSummary[]> => {
  const page = await api.get<FairPage>('/fairs', { when: 'upcoming', pageSize: 100 }, signal);
  const open = page.items.filter((f) => f.status === 'live' || f.status === 'registration');
  return [...open.filter((f) => f.status === 'live'), ...open.filter((f) => f.status !== 'live')];
};

export const getRecommendations = (fairId: string, page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<RecommendationPage>(`${fairPath(fairId)}/recommendations`, { page, pageSize }, signal);
export const getWishes = (fairId: string, signal?: AbortSignal) =>
  api.get<Wish[]>(`${fairPath(fairId)}/wishes`, undefined, signal);
export const putWish = (fairId: string, companyId: string, level: WishLevel) =>
  apiRequest<Wish>(`${fairPath(fairId)}/wishes/${encodeURIComponent(companyId)}`, {
    method: 'PUT',
    body: { level },
  });
export const deleteWish = (fairId: string, companyId: string) =>
  apiRequest<void>(`${fairPath(fairId)}/wishes/${encodeURIComponent(companyId)}`, { method: 'DELETE' });

export function useMatchmakingFairs() {
  return useQuery({
    queryKey: matchmakingKeys.fairs,
    queryFn: ({ signal }) => getMatchmakingFairs(signal),
    staleTime: 5 * 60_000,
  });
}

export function useRecommendations(fairId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: matchmakingKeys.recommendations(fairId ?? '', page, pageSize),
    queryFn: ({ signal }) => getRecommendations(fairId as string, page, pageSize, signal),
    enabled: Boolean(fairId),
    placeholderData: keepPreviousData,
  });
}

export function useWishes(fairId: string | null) {
  return useQuery({
    queryKey: matchmakingKeys.wishes(fairId ?? ''),
    queryFn: ({ signal }) => getWishes(fairId as string, signal),
    enabled: Boolean(fairId),
  });
}

export interface WishChange {
  fairId: string;
  companyId: string;
  /** null clears the wish */
  level: WishLevel | null;
}

type Snapshot = [readonly unknown[], unknown][];

/**
 * Shows a wish change at once in every cached recommendation page and in the wishes list (a no-thanks
 * takes the company off the recommendations), and returns what to put back if the server refuses.
 */
function applyOptimistically(queryClient: QueryClient, change: WishChange): Snapshot {
  const snapshot: Snapshot = [];
  for (const [key, data] of queryClient.getQueriesData<RecommendationPage>({
    queryKey: matchmakingKeys.recommendationsOf(change.fairId),
  })) {
    if (!data) continue;
    snapshot.push([key, data]);
    const items =
      change.level === 'no_thanks'
        ? data.items.filter((i) => i.companyId !== change.companyId)
        : data.items.map((i) =>
            i.companyId === change.companyId
              ? { ...i, myWish: change.level as Exclude<WishLevel, 'no_thanks'> | null }
              : i,
          );
    queryClient.setQueryData<RecommendationPage>(key, {
      ...data,
      items,
      total: data.total - (data.items.length - items.length),
    });
  }
  const wishesKey = matchmakingKeys.wishes(change.fairId);
  const wishes = queryClient.getQueryData<Wish[]>(wishesKey);
  if (wishes) {
    snapshot.push([wishesKey, wishes]);
    queryClient.setQueryData<Wish[]>(
      wishesKey,
      change.level === null
        ? wishes.filter((w) => w.companyId !== change.companyId)
        : wishes.map((w) =>
            w.companyId === change.companyId
              ? { ...w, level: change.level as WishLevel, mutual: w.mutual && change.level !== 'no_thanks' }
              : w,
          ),
    );
  }
  return snapshot;
}

/** Sets, changes or clears a wish, optimistically; the server's answer then refreshes matchmaking. */
export function useSetWish() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: WishChange): Promise<Wish | null> => {
      if (change.level !== null) return putWish(change.fairId, change.companyId, change.level);
      await deleteWish(change.fairId, change.companyId);
      return null;
    },
    onMutate: async (change): Promise<Snapshot> => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: matchmakingKeys.recommendationsOf(change.fairId) }),
        queryClient.cancelQueries({ queryKey: matchmakingKeys.wishes(change.fairId) }),
      ]);
      return applyOptimistically(queryClient, change);
    },
    onError: (_error, _change, snapshot) => {
      for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: (_data, _error, change) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: matchmakingKeys.recommendationsOf(change.fairId) }),
        queryClient.invalidateQueries({ queryKey: matchmakingKeys.wishes(change.fairId) }),
      ]),
  });
}
