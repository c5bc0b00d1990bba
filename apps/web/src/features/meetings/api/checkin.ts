import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CheckinRequest, CheckinResult } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** The other party (or organizer staff) confirms a meeting took place by its QR code. */
export const checkIn = (body: CheckinRequest) => api.post<CheckinResult>('/meetings/checkin', body);

export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => checkIn({ code }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['agenda'] }),
      ]),
  });
}
