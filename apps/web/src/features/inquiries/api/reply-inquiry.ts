import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InquiryDetail, ReplyInquiryRequest } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { inquiryKeys } from './keys';

export const replyInquiry = (id: string, body: ReplyInquiryRequest) =>
  api.post<InquiryDetail>(`/inquiries/${encodeURIComponent(id)}/replies`, body);

export function useReplyInquiry(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplyInquiryRequest) => replyInquiry(id, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(inquiryKeys.detail(id), detail);
      return queryClient.invalidateQueries({ queryKey: inquiryKeys.all });
    },
  });
}
