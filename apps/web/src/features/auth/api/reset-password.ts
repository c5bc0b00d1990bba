import { useMutation } from '@tanstack/react-query';
import type { ResetPasswordRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

export const resetPassword = (body: ResetPasswordRequest) =>
  api.post<void>('/auth/password/reset', body, { noRetry: true });

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
