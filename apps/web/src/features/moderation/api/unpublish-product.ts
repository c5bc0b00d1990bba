import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModerationProduct, ModerationReasonRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { moderationKeys } from './keys';

export const unpublishProduct = (id: string, reason: string) =>
  api.post<ModerationProduct>(`/moderation/products/${encodeURIComponent(id)}/unpublish`, {
    reason,
  } satisfies ModerationReasonRequest);

export function useUnpublishProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => unpublishProduct(id, reason),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: moderationKeys.productLists }),
        queryClient.invalidateQueries({ queryKey: moderationKeys.auditAll }),
      ]),
  });
}
