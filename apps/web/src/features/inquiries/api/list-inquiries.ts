import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InquiryListQuery, InquiryPage } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { inquiryKeys } from './keys';

export const listInquiries = (query: InquiryListQuery, signal?: AbortSignal) =>
  api.get<InquiryPage>('/inquiries', { ...query }, signal);

export const inquiriesQuery = (query: InquiryListQuery) =>
  queryOptions({ queryKey: inquiryKeys.list(query), queryFn: ({ signal }) => listInquiries(query, signal) });

export function useInquiries(query: InquiryListQuery) {
  return useQuery({ ...inquiriesQuery(query), placeholderData: keepPreviousData });
}
