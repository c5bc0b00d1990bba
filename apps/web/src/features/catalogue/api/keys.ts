import type { CatalogueProductQuery } from '@craftmatch/shared';

/** Query keys of the public catalogue (no other feature invalidates them). */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  products: (query: Omit<CatalogueProductQuery, 'cursor'>) => ['catalogue', 'products', query] as const,
  product: (slug: string) => ['catalogue', 'product', slug] as const,
  exhibitor: (id: string) => ['catalogue', 'exhibitor', id] as const,
};
