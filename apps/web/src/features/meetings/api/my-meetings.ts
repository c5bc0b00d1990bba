import { useQuery } from '@tanstack/react-query';
import type { MeetingDetail } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** Every meeting of the caller's company at a fair, in time order. */
export const getMyMeetings = (fairId: string, signal?: AbortSignal) =>
  api.get<MeetingDetail[]>(`/fairs/${encodeURIComponent(fairId)}/meetings/mine`, undefined, signal);

export function useMyMeetings(fairId: string | null | undefined) {
  return useQuery({
    queryKey: meetingKeys.mine(fairId ?? ''),
    queryFn: ({ signal }) => getMyMeetings(fairId as string, signal),
    enabled: Boolean(fairId),
  });
}

export const getMeeting = (id: string, signal?: AbortSignal) =>
  api.get<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`, undefined, signal);

export function useMeeting(id: string | null | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getMeeting(id as string, signal),
    enabled: Boolean(id),
  });
}
