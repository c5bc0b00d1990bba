import type { ListContractsQuery, ListSamplesQuery } from '@craftmatch/shared';

/** Every deals key starts with 'deals', so `contract:changed` / `sample:changed` refresh them all at once. */
export const dealKeys = {
  all: ['deals'] as const,
  fairs: ['deals', 'fairs'] as const,
  contracts: ['deals', 'contracts'] as const,
  contractList: (query: ListContractsQuery) => ['deals', 'contracts', 'list', query] as const,
  contract: (id: string) => ['deals', 'contracts', 'detail', id] as const,
  contractAudit: (id: string) => ['deals', 'contracts', 'audit', id] as const,
  samples: ['deals', 'samples'] as const,
  sampleList: (query: ListSamplesQuery) => ['deals', 'samples', 'list', query] as const,
  sample: (id: string) => ['deals', 'samples', 'detail', id] as const,
  sampleAudit: (id: string) => ['deals', 'samples', 'audit', id] as const,
  pipeline: (fairId: string) => ['deals', 'pipeline', fairId] as const,
  heldMeetings: (fairId: string) => ['deals', 'held-meetings', fairId] as const,
  meeting: (id: string) => ['deals', 'meeting', id] as const,
  counterparts: (fairId: string) => ['deals', 'counterparts', fairId] as const,
  products: (companyId: string) => ['deals', 'products', companyId] as const,
};
