import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FairInterpreter,
  FairSlot,
  Invitation,
  InviteStaffRequest,
  RegisterInterpreterRequest,
} from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { fairPath, meetingAdminKeys } from './keys';

const interpreterPath = (fairId: string, userId: string) =>
  `${fairPath(fairId)}/interpreters/${encodeURIComponent(userId)}`;

/** Every interpreter account, with their languages and their shifts at this fair (none when not working it). */
export const listInterpreters = (fairId: string, signal?: AbortSignal) =>
  api.get<FairInterpreter[]>(`${fairPath(fairId)}/interpreters`, undefined, signal);

export const registerInterpreter = (fairId: string, userId: string, body: RegisterInterpreterRequest) =>
  apiRequest<FairInterpreter>(interpreterPath(fairId, userId), { method: 'PUT', body });

export const unregisterInterpreter = (fairId: string, userId: string) =>
  apiRequest<void>(interpreterPath(fairId, userId), { method: 'DELETE' });

export const listFairSlots = (fairId: string, signal?: AbortSignal) =>
  api.get<FairSlot[]>(`${fairPath(fairId)}/meeting-slots`, undefined, signal);

/** Interpreters get their own login through the organizer's staff invitation. */
export const inviteInterpreter = (body: Omit<InviteStaffRequest, 'role'>) =>
  api.post<Invitation>('/staff/invitations', { ...body, role: 'interpreter' } satisfies InviteStaffRequest);

export function useInterpreters(fairId: string) {
  return useQuery({
    queryKey: meetingAdminKeys.interpreters(fairId),
    queryFn: ({ signal }) => listInterpreters(fairId, signal),
  });
}

export function useFairSlots(fairId: string) {
  return useQuery({
    queryKey: meetingAdminKeys.slots(fairId),
    queryFn: ({ signal }) => listFairSlots(fairId, signal),
  });
}

/** Shifts change who can take the waiting meetings, so the whole fair's desk refreshes. */
export function useRegisterInterpreter(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: RegisterInterpreterRequest }) =>
      registerInterpreter(fairId, userId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingAdminKeys.fairRoot(fairId) }),
  });
}

export function useUnregisterInterpreter(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => unregisterInterpreter(fairId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingAdminKeys.fairRoot(fairId) }),
  });
}

export function useInviteInterpreter() {
  return useMutation({ mutationFn: inviteInterpreter });
}
