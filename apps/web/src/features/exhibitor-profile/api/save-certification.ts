import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificationRequest, CompanyCertification } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { exhibitorKeys, exhibitorPath } from './keys';

/** POST a new certification, or PUT over an existing one when `id` is given. */
export const saveCertification = (companyId: string, body: CertificationRequest, id?: string) =>
  apiRequest<CompanyCertification>(
    id ? `${exhibitorPath(companyId)}/certifications/${id}` : `${exhibitorPath(companyId)}/certifications`,
    { method: id ? 'PUT' : 'POST', body },
  );

export function useSaveCertification(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CertificationRequest }) =>
      saveCertification(companyId, body, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
