import { useMutation } from '@tanstack/react-query';
import type { CreateInquiryRequest, CreateInquiryResponse } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';

export const createInquiry = (slug: string, body: CreateInquiryRequest) =>
  api.post<CreateInquiryResponse>(`/catalogue/products/${encodeURIComponent(slug)}/inquiries`, body);

export function useCreateInquiry(slug: string) {
  return useMutation({ mutationFn: (body: CreateInquiryRequest) => createInquiry(slug, body) });
}
