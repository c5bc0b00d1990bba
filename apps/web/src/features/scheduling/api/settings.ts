import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScheduleSettings, UpdateScheduleSettingsRequest } from '@craftmatch/shared';
import { api, apiRequest } from '../../../lib/api-client';
import { fairSchedulingPath, schedulingKeys } from './keys';

export function useScheduleSettings(fairId: string) {
  return useQuery({
    queryKey: schedulingKeys.settings(fairId),
    queryFn: ({ signal }) =>
      api.get<ScheduleSettings>(`${fairSchedulingPath(fairId)}/settings`, undefined, signal),
  });
}

export function useSaveScheduleSettings(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateScheduleSettingsRequest) =>
      apiRequest<ScheduleSettings>(`${fairSchedulingPath(fairId)}/settings`, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(schedulingKeys.settings(fairId), saved),
  });
}
