import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InvitationPreview } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getInvitationPreview = (token: string, signal?: AbortSignal) =>
  api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`, undefined, signal);

export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: ({ signal }) => getInvitationPreview(token, signal),
    staleTime: 5 * 60_000,
  });

export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQuery(token));
}
