import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Invitation } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const getCompanyInvitations = (id: string, signal?: AbortSignal) =>
  api.get<Invitation[]>(`/companies/${encodeURIComponent(id)}/invitations`, undefined, signal);

export const companyInvitationsQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.companyInvitations(id),
    queryFn: ({ signal }) => getCompanyInvitations(id, signal),
  });

export function useCompanyInvitations(id: string | undefined) {
  return useQuery({ ...companyInvitationsQuery(id ?? ''), enabled: Boolean(id) });
}
