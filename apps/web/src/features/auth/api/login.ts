import { useMutation } from '@tanstack/react-query';
import type { AuthSession, LoginRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

export const login = (body: LoginRequest) => api.post<AuthSession>('/auth/login', body, { noRetry: true });

export function useLogin() {
  return useMutation({ mutationFn: login });
}
