import { useMutation } from '@tanstack/react-query';
import type { AcceptInvitationRequest, AuthSession } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

export const acceptInvitation = (body: AcceptInvitationRequest) =>
  api.post<AuthSession>('/invitations/accept', body, { noRetry: true });

export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
