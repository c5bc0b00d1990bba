import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompanyCertification } from '@craftmatch/shared';
import { exhibitorKeys, exhibitorPath } from './keys';
import { uploadFile } from './upload';

export const uploadCertificationDocument = (companyId: string, id: string, file: File) =>
  uploadFile<CompanyCertification>(`${exhibitorPath(companyId)}/certifications/${id}/document`, file);

export function useUploadCertificationDocument(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      uploadCertificationDocument(companyId, id, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
