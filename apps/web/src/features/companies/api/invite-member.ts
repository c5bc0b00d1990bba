import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation, InviteMemberRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const inviteMember = (companyId: string, body: InviteMemberRequest) =>
  api.post<Invitation>(`/companies/${encodeURIComponent(companyId)}/invitations`, body);

export function useInviteMember(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteMemberRequest) => inviteMember(companyId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.companyInvitations(companyId) }),
  });
}
