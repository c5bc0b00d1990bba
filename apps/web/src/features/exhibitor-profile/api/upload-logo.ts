import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FileRef } from '@craftmatch/shared';
import { exhibitorKeys, exhibitorPath } from './keys';
import { uploadFile } from './upload';

export const uploadLogo = (companyId: string, file: File) =>
  uploadFile<FileRef>(`${exhibitorPath(companyId)}/logo`, file);

export function useUploadLogo(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadLogo(companyId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exhibitorKeys.profile(companyId) }),
  });
}
