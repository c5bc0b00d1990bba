import type { ListBoothsQuery } from '@craftmatch/shared';

export const boothKeys = {
  all: ['booths'] as const,
  mine: ['booths', 'mine'] as const,
  eligibleProducts: ['booths', 'eligible-products'] as const,
  openFairs: ['booths', 'open-fairs'] as const,
  fair: (slug: string) => ['booths', 'fair', slug] as const,
  fairLists: (fairId: string) => ['booths', 'fair-list', fairId] as const,
  fairList: (fairId: string, query: ListBoothsQuery) => ['booths', 'fair-list', fairId, query] as const,
  floor: (fairId: string) => ['booths', 'floor', fairId] as const,
  managedFair: (fairId: string) => ['booths', 'managed-fair', fairId] as const,
  poster: (id: string) => ['booths', 'poster', id] as const,
};
