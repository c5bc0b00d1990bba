import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InquiryDetail } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { inquiryKeys } from './keys';

export const getInquiry = (id: string, signal?: AbortSignal) =>
  api.get<InquiryDetail>(`/inquiries/${encodeURIComponent(id)}`, undefined, signal);

export const inquiryQuery = (id: string) =>
  queryOptions({ queryKey: inquiryKeys.detail(id), queryFn: ({ signal }) => getInquiry(id, signal) });

export function useInquiry(id: string | null) {
  return useQuery({ ...inquiryQuery(id ?? ''), enabled: Boolean(id) });
}
