import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Artisan, ArtisanRequest } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

export const saveArtisan = (companyId: string, workshopId: string, body: ArtisanRequest, id?: string) => {
  const base = `${exhibitorPath(companyId)}/workshops/${workshopId}/artisans`;
  return apiRequest<Artisan>(id ? `${base}/${id}` : base, { method: id ? 'PUT' : 'POST', body });
};

export function useSaveArtisan(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workshopId, id, body }: { workshopId: string; id?: string; body: ArtisanRequest }) =>
      saveArtisan(companyId, workshopId, body, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
