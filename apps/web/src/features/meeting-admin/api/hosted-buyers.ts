import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FairParticipant, FairParticipantQuery, Page, SetHostedBuyerRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { fairPath, meetingAdminKeys } from './keys';

export const PARTICIPANT_PAGE_SIZE = 20;

export const listFairParticipants = (fairId: string, query: FairParticipantQuery, signal?: AbortSignal) =>
  api.get<Page<FairParticipant>>(`${fairPath(fairId)}/participants`, { ...query }, signal);

export const setHostedBuyer = (fairId: string, userId: string, body: SetHostedBuyerRequest) =>
  api.patch<FairParticipant>(`${fairPath(fairId)}/participants/${encodeURIComponent(userId)}/hosted`, body);

/** The registered buyer people of a fair, by company then name. */
export function useFairParticipants(fairId: string, query: FairParticipantQuery) {
  return useQuery({
    queryKey: meetingAdminKeys.participants(fairId, query),
    queryFn: ({ signal }) => listFairParticipants(fairId, query, signal),
    placeholderData: keepPreviousData,
  });
}

type ParticipantPage = Page<FairParticipant>;

function withHosted(userId: string, hostedBuyer: boolean) {
  return (page: ParticipantPage | undefined) =>
    page && {
      ...page,
      items: page.items.map((p) => (p.userId === userId ? { ...p, hostedBuyer } : p)),
    };
}

/**
 * Flips the flag in every cached page at once and puts back only this person's old value on error, so
 * toggles of other people still in flight are left alone. The server's answer is refetched either way.
 */
export function useSetHostedBuyer(fairId: string) {
  const queryClient = useQueryClient();
  const pages = { queryKey: meetingAdminKeys.buyers(fairId) };
  return useMutation({
    mutationFn: ({ userId, hostedBuyer }: { userId: string; hostedBuyer: boolean }) =>
      setHostedBuyer(fairId, userId, { hostedBuyer }),
    onMutate: async ({ userId, hostedBuyer }) => {
      await queryClient.cancelQueries(pages);
      const previous =
        queryClient
          .getQueriesData<ParticipantPage>(pages)
          .flatMap(([, page]) => page?.items ?? [])
          .find((p) => p.userId === userId)?.hostedBuyer ?? !hostedBuyer;
      queryClient.setQueriesData<ParticipantPage>(pages, withHosted(userId, hostedBuyer));
      return { previous };
    },
    onError: (_error, { userId }, context) => {
      if (context) queryClient.setQueriesData<ParticipantPage>(pages, withHosted(userId, context.previous));
    },
    // Not awaited: the switch and its error need not wait for a slow refetch on a fair-floor network.
    onSettled: () => void queryClient.invalidateQueries(pages),
  });
}
