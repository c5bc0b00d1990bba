import type { ListFairsQuery, ListManagedFairsQuery } from '@craftmatch/shared';

export const fairKeys = {
  all: ['fairs'] as const,
  publicList: (query: ListFairsQuery) => ['fairs', 'public', query] as const,
  publicDetail: (slug: string) => ['fairs', 'public', 'detail', slug] as const,
  managedList: (query: ListManagedFairsQuery) => ['fairs', 'managed', query] as const,
  managedDetail: (id: string) => ['fairs', 'managed', 'detail', id] as const,
};
