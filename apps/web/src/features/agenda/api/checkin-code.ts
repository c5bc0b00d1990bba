import { useQuery } from '@tanstack/react-query';
import type { CheckinCode } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { agendaKeys } from './keys';

/** The caller's side's check-in code of an accepted meeting (its QR is shown to the other party). */
export const getCheckinCode = (meetingId: string, signal?: AbortSignal) =>
  api.get<CheckinCode>(`/meetings/${encodeURIComponent(meetingId)}/checkin-code`, undefined, signal);

export function useCheckinCode(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: agendaKeys.checkinCode(meetingId),
    queryFn: ({ signal }) => getCheckinCode(meetingId, signal),
    enabled,
    staleTime: Infinity,
  });
}
