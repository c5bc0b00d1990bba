import type { InquiryListQuery } from '@craftmatch/shared';

export const inquiryKeys = {
  all: ['inquiries'] as const,
  list: (query: InquiryListQuery) => ['inquiries', 'list', query] as const,
  detail: (id: string) => ['inquiries', 'detail', id] as const,
};
