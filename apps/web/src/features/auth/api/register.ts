import { useMutation } from '@tanstack/react-query';
import type { AuthSession, RegisterRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

export const register = (body: RegisterRequest) =>
  api.post<AuthSession>('/auth/register', body, { noRetry: true });

export function useRegister() {
  return useMutation({ mutationFn: register });
}
