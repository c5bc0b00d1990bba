import { useQuery } from '@tanstack/react-query';
import type { FairSlot, PersonSlot } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** Every bookable slot of a fair (UTC instants). */
export const getFairSlots = (fairId: string, signal?: AbortSignal) =>
  api.get<FairSlot[]>(`/fairs/${encodeURIComponent(fairId)}/meeting-slots`, undefined, signal);

export function useFairSlots(fairId: string | null | undefined) {
  return useQuery({
    queryKey: meetingKeys.slots(fairId ?? ''),
    queryFn: ({ signal }) => getFairSlots(fairId as string, signal),
    enabled: Boolean(fairId),
    staleTime: 5 * 60_000,
  });
}

/** One person's free/busy slots at a fair (never with whom). */
export const getPersonSlots = (fairId: string, userId: string, signal?: AbortSignal) =>
  api.get<PersonSlot[]>(
    `/fairs/${encodeURIComponent(fairId)}/people/${encodeURIComponent(userId)}/slots`,
    undefined,
    signal,
  );

export function usePersonSlots(fairId: string | null | undefined, userId: string | null | undefined) {
  return useQuery({
    queryKey: meetingKeys.personSlots(fairId ?? '', userId ?? ''),
    queryFn: ({ signal }) => getPersonSlots(fairId as string, userId as string, signal),
    enabled: Boolean(fairId && userId),
  });
}
