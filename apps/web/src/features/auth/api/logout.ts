import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { disconnectSocket } from '../../../lib/socket';
import { endSession } from '../../../lib/session';

export const logout = () => api.post<void>('/auth/logout', undefined, { noRetry: true });

export function useLogout() {
  return useMutation({
    mutationFn: logout,
    // Sign out here even if the server could not be told.
    onSettled: () => {
      disconnectSocket();
      endSession();
    },
  });
}
