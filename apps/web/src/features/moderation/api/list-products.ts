import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ListModerationProductsQuery, ModerationProduct, Page } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { moderationKeys } from './keys';

export const listModerationProducts = (query: ListModerationProductsQuery, signal?: AbortSignal) =>
  api.get<Page<ModerationProduct>>('/moderation/products', { ...query }, signal);

export const moderationProductsQuery = (query: ListModerationProductsQuery) =>
  queryOptions({
    queryKey: moderationKeys.products(query),
    queryFn: ({ signal }) => listModerationProducts(query, signal),
    placeholderData: keepPreviousData,
  });

export function useModerationProducts(query: ListModerationProductsQuery) {
  return useQuery(moderationProductsQuery(query));
}
