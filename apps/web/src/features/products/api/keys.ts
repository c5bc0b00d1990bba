import type { ListMyProductsQuery } from '@craftmatch/shared';

export const productKeys = {
  all: ['products'] as const,
  lists: ['products', 'list'] as const,
  list: (query: ListMyProductsQuery) => ['products', 'list', query] as const,
  detail: (id: string) => ['products', 'detail', id] as const,
  workshops: (companyId: string) => ['products', 'workshops', companyId] as const,
};

export const productPath = (id: string) => `/products/${encodeURIComponent(id)}`;
