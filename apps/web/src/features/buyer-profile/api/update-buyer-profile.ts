import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BuyerProfile, UpdateBuyerProfileRequest } from '@craftmatch/shared';
import { apiRequest } from '../../../lib/api-client';
import { BUYER_PROFILE_PATH, buyerProfileKeys } from './keys';

export const updateBuyerProfile = (body: UpdateBuyerProfileRequest) =>
  apiRequest<BuyerProfile>(BUYER_PROFILE_PATH, { method: 'PUT', body });

export function useUpdateBuyerProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBuyerProfile,
    onSuccess: (profile) => queryClient.setQueryData(buyerProfileKeys.mine, profile),
  });
}
