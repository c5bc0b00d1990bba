import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExhibitorProfile, UpdateExhibitorProfileRequest } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const updateProfile = (companyId: string, body: UpdateExhibitorProfileRequest) =>
  apiRequest<ExhibitorProfile>(`${exhibitorPath(companyId)}/profile`, { method: 'PUT', body });

export function useUpdateProfile(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateExhibitorProfileRequest) => updateProfile(companyId, body),
    onSuccess: (profile) => queryClient.setQueryData(exhibitorKeys.profile(companyId), profile),
  });
}
