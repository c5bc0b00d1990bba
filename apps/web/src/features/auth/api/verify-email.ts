import { useMutation } from '@tanstack/react-query';
import type { TokenRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { queryClient } from '../../../lib/query-client';
import { queryKeys } from '../../../lib/query-keys';
import { getSessionStatus } from '../../../lib/session';

export const verifyEmail = (body: TokenRequest) => api.post<void>('/auth/verify-email', body);

export function useVerifyEmail() {
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => {
      if (getSessionStatus() === 'authenticated')
        void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
