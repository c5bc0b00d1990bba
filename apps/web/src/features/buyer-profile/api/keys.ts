export const buyerProfileKeys = {
  all: ['buyer-profile'] as const,
  mine: ['buyer-profile', 'mine'] as const,
};

export const BUYER_PROFILE_PATH = '/companies/me/buyer-profile';
