import type { AuditQuery, ListCompaniesQuery, ListModerationProductsQuery } from '@craftmatch/shared';

export const moderationKeys = {
  all: ['moderation'] as const,
  products: (query: ListModerationProductsQuery) => ['moderation', 'products', query] as const,
  productLists: ['moderation', 'products'] as const,
  companies: (query: ListCompaniesQuery) => ['moderation', 'companies', query] as const,
  companyLists: ['moderation', 'companies'] as const,
  audit: (query: AuditQuery) => ['moderation', 'audit', query] as const,
  auditAll: ['moderation', 'audit'] as const,
};
