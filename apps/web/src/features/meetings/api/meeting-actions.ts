import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptMeetingRequest,
  AcceptRescheduleRequest,
  CancelMeetingRequest,
  CounterMeetingRequest,
  CreateMeetingRequest,
  DeclineMeetingRequest,
  MeetingDetail,
  RescheduleMeetingRequest,
  UpdateMeetingRequest,
} from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { meetingKeys } from './keys';

const path = (id: string, action = '') => `/meetings/${encodeURIComponent(id)}${action}`;

export const createMeeting = (fairId: string, body: CreateMeetingRequest) =>
  api.post<MeetingDetail>(`/fairs/${encodeURIComponent(fairId)}/meetings`, body);
export const updateMeeting = (id: string, body: UpdateMeetingRequest) =>
  apiRequest<MeetingDetail>(path(id), { method: 'PATCH', body });
export const acceptMeeting = (id: string, body: AcceptMeetingRequest) =>
  api.post<MeetingDetail>(path(id, '/accept'), body);
export const declineMeeting = (id: string, body: DeclineMeetingRequest) =>
  api.post<MeetingDetail>(path(id, '/decline'), body);
export const counterMeeting = (id: string, body: CounterMeetingRequest) =>
  api.post<MeetingDetail>(path(id, '/counter'), body);
export const cancelMeeting = (id: string, body: CancelMeetingRequest) =>
  api.post<MeetingDetail>(path(id, '/cancel'), body);
export const rescheduleMeeting = (id: string, body: RescheduleMeetingRequest) =>
  api.post<MeetingDetail>(path(id, '/reschedule'), body);
export const acceptReschedule = (id: string, body: AcceptRescheduleRequest) =>
  api.post<MeetingDetail>(path(id, '/reschedule/accept'), body);
export const declineReschedule = (id: string) => api.post<MeetingDetail>(path(id, '/reschedule/decline'), {});

/** Any change to a meeting: show the answer at once, then refetch every meetings and agenda list. */
function useMeetingMutation<V>(fn: (vars: V) => Promise<MeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      queryClient.setQueryData<MeetingDetail[]>(meetingKeys.mine(meeting.fairId), (list) =>
        list?.some((m) => m.id === meeting.id) ? list.map((m) => (m.id === meeting.id ? meeting : m)) : list,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['agenda'] }),
      ]);
    },
  });
}

export const useCreateMeeting = () =>
  useMeetingMutation(({ fairId, body }: { fairId: string; body: CreateMeetingRequest }) =>
    createMeeting(fairId, body),
  );
export const useUpdateMeeting = () =>
  useMeetingMutation(({ id, body }: { id: string; body: UpdateMeetingRequest }) => updateMeeting(id, body));
export const useAcceptMeeting = () =>
  useMeetingMutation(({ id, body }: { id: string; body: AcceptMeetingRequest }) => acceptMeeting(id, body));
export const useDeclineMeeting = () =>
  useMeetingMutation(({ id, body }: { id: string; body: DeclineMeetingRequest }) => declineMeeting(id, body));
export const useCounterMeeting = () =>
  useMeetingMutation(({ id, body }: { id: string; body: CounterMeetingRequest }) => counterMeeting(id, body));
export const useCancelMeeting = () =>
  useMeetingMutation(({ id, body }: { id: string; body: CancelMeetingRequest }) => cancelMeeting(id, body));
export const useRescheduleMeeting = () =>
  useMeetingMutation(({ id, body }: { id: string; body: RescheduleMeetingRequest }) =>
    rescheduleMeeting(id, body),
  );
export const useAcceptReschedule = () =>
  useMeetingMutation(({ id, body }: { id: string; body: AcceptRescheduleRequest }) =>
    acceptReschedule(id, body),
  );
export const useDeclineReschedule = () =>
  useMeetingMutation(({ id }: { id: string }) => declineReschedule(id));
