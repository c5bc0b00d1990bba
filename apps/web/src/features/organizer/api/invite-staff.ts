import { useMutation } from '@tanstack/react-query';
import type { Invitation, InviteStaffRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

export const inviteStaff = (body: InviteStaffRequest) => api.post<Invitation>('/staff/invitations', body);

/** There is no list endpoint for staff invitations yet, so nothing to invalidate. */
export function useInviteStaff() {
  return useMutation({ mutationFn: inviteStaff });
}
