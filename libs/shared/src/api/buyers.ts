import type { CategoryCode } from '../reference/categories';
import type { CertificationType, Incoterm } from '../reference/trade';
import type { SpokenLanguage } from './exhibitors';

/** Amounts are decimal strings: up to 14 digits and 2 decimals (numeric(16,2)). */
export const BUYER_AMOUNT_PATTERN = /^\d{1,14}(\.\d{1,2})?$/;

export const BUYER_PROFILE_LIMITS = {
  website: 300,
  categories: 16,
  incoterms: 11,
  certifications: 19,
  languages: 19,
} as const;

/** What an importer buys and how: read by the organizer and by exhibitors before a meeting. */
export interface BuyerProfile {
  companyId: string;
  companyName: string;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  website: string | null;
  /** annual import volume in USD, decimal string */
  annualImportUsd: string | null;
  categories: CategoryCode[];
  /** target unit price range, decimal strings in `targetPriceCurrency` */
  targetPriceMin: string | null;
  targetPriceMax: string | null;
  /** ISO 4217; required when a target price is set */
  targetPriceCurrency: string | null;
  incoterms: Incoterm[];
  certifications: CertificationType[];
  /** ISO 639-1 languages the buyer's staff speak */
  languages: SpokenLanguage[];
  /** null until the profile was first saved */
  updatedAt: string | null;
}

/**
 * PUT /companies/me/buyer-profile. Every field is optional: a missing field keeps its value, null
 * (or an empty list) clears it.
 */
export interface UpdateBuyerProfileRequest {
  country?: string | null;
  website?: string | null;
  annualImportUsd?: string | null;
  categories?: CategoryCode[];
  targetPriceMin?: string | null;
  targetPriceMax?: string | null;
  targetPriceCurrency?: string | null;
  incoterms?: Incoterm[];
  certifications?: CertificationType[];
  languages?: SpokenLanguage[];
}
