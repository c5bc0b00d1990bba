import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BuyerProfile } from '@craftmatch/shared';
import { api } from '../../../lib/api-client';
import { BUYER_PROFILE_PATH, buyerProfileKeys } from './keys';

export const getBuyerProfile = (signal?: AbortSignal) =>
  api.get<BuyerProfile>(BUYER_PROFILE_PATH, undefined, signal);

export const buyerProfileQuery = () =>
  queryOptions({ queryKey: buyerProfileKeys.mine, queryFn: ({ signal }) => getBuyerProfile(signal) });

/** The caller's own buyer company's profile. */
export function useBuyerProfile(enabled: boolean) {
  return useQuery({ ...buyerProfileQuery(), enabled });
}
