import { useMutation } from '@tanstack/react-query';
import type { DeleteAccountRequest } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { endSession } from '../../../lib/session';
import { disconnectSocket } from '../../../lib/socket';

export const deleteAccount = (body: DeleteAccountRequest) =>
  apiRequest<void>('/privacy/me', { method: 'DELETE', body });

/** After the account is gone there is nothing to stay signed in to. */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => {
      disconnectSocket();
      endSession();
    },
  });
}
