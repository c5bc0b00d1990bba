import { useMutation } from '@tanstack/react-query';
import type { ForgotPasswordRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

export const forgotPassword = (body: ForgotPasswordRequest) =>
  api.post<void>('/auth/password/forgot', body, { noRetry: true });

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
