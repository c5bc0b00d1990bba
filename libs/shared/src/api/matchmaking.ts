import type { CategoryCode } from '../reference/categories';
import type { CertificationType } from '../reference/trade';

/**
 * Matchmaking at a fair: wishes (whom a participant company wants to meet) and recommendations of the
 * other side, each explained by reasons the web app renders in the viewer's language.
 *
 * | method | path                                  | roles | body            | response |
 * |--------|---------------------------------------|-------|-----------------|----------|
 * | GET    | /fairs/:fairId/wishes                 | B, E  | –               | Wish[] (the caller's company's wishes, newest first) |
 * | PUT    | /fairs/:fairId/wishes/:companyId      | B, E  | SetWishRequest  | Wish (set or change) |
 * | DELETE | /fairs/:fairId/wishes/:companyId      | B, E  | –               | 204 (clear; nothing to clear is fine) |
 * | GET    | /fairs/:fairId/recommendations        | B, E  | ?page&pageSize  | RecommendationPage (best first) |
 *
 * Participants: a buyer company registered at the fair (fair_participants), an exhibitor company with an
 * approved booth there. The caller's company must be one (else 403 NOT_ATTENDING); a wish goes to a
 * participant of the other side (else 422 WISH_NOT_PARTICIPANT / WISH_SAME_SIDE); a closed fair takes no
 * more wishes (409 FAIR_NOT_OPEN). A company only ever sees its own wishes: the other side's level is
 * never shown, only whether a wish is mutual (both sides must or would). A no-thanks on either side
 * removes the pair from recommendations (and from scheduling) without saying so.
 */

export const WISH_LEVELS = ['must', 'would', 'no_thanks'] as const;
export type WishLevel = (typeof WISH_LEVELS)[number];

export interface Wish {
  fairId: string;
  /** the company wished for (the other side) */
  companyId: string;
  companyName: string;
  countryCode: string | null;
  /** the other side's kind */
  companyKind: 'buyer' | 'exhibitor';
  level: WishLevel;
  /** true when both sides wish to meet (must or would); never reveals the other side's level or a no-thanks */
  mutual: boolean;
  updatedAt: string;
}

export interface SetWishRequest {
  level: WishLevel;
}

/** Why a company is recommended; the web app renders `matchmaking:reasons.<viewer side>.<code>`. */
export const MATCH_REASON_CODES = [
  'sameCategories',
  'priceInRange',
  'moqWithinVolume',
  'capacityCoversVolume',
  'certified',
  'speaksLanguage',
  'interpreterAvailable',
  'exportsToCountry',
  'mutualWish',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/** Why a company is recommended. Amounts are decimal strings, volumes whole units per month. */
export type MatchReason =
  | { code: 'sameCategories'; params: { categories: CategoryCode[] } }
  | {
      code: 'priceInRange';
      /** how many products fall in the buyer's target range, which is given in its own currency */
      params: { count: number; min: string; max: string; currency: string };
    }
  | { code: 'moqWithinVolume'; params: { moq: number; volume: number; unit: string } }
  | { code: 'capacityCoversVolume'; params: { capacity: number; volume: number; unit: string } }
  | { code: 'certified'; params: { certifications: CertificationType[] } }
  | { code: 'speaksLanguage'; params: { languages: string[] } }
  | { code: 'interpreterAvailable'; params: { languages: string[] } }
  | { code: 'exportsToCountry'; params: { country: string } }
  | { code: 'mutualWish'; params: Record<string, never> };

export interface RecommendedProduct {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  categoryCode: CategoryCode;
  /** decimal strings in `currency` */
  priceMin: string | null;
  priceMax: string | null;
  currency: string | null;
  moq: number | null;
  unit: string;
}

export interface Recommendation {
  companyId: string;
  companyName: string;
  companyKind: 'buyer' | 'exhibitor';
  countryCode: string | null;
  /** exhibitors: their booth code at the fair */
  boothCode: string | null;
  /** 0–100, higher is better */
  score: number;
  reasons: MatchReason[];
  /** the caller's wish for this company, if any (never a no-thanks: those are not recommended) */
  myWish: Exclude<WishLevel, 'no_thanks'> | null;
  /**
   * The exhibitor's products that fit best (at most 3): for a buyer the exhibitor's, for an exhibitor
   * its own products that fit this buyer.
   */
  products: RecommendedProduct[];
}

/** GET /fairs/:fairId/recommendations */
export interface RecommendationPage {
  items: Recommendation[];
  total: number;
  page: number;
  pageSize: number;
  /** the caller's side at this fair */
  side: 'buyer' | 'exhibitor';
  /**
   * Candidates left out by the certification filter: for a buyer, exhibitors not holding (unexpired) every
   * certification it requires; for an exhibitor, buyers requiring one it does not hold.
   */
  excludedForCertifications: number;
}
