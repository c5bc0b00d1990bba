import Decimal from 'decimal.js';
import type { CategoryCode, CertificationType, MatchReason, WishLevel } from '@craftmatch/shared';

/**
 * How well a buyer and an exhibitor fit, and why: pure (no database, no clock), money with decimal.js.
 * The same function scores both directions (exhibitors for a buyer, buyers for an exhibitor).
 *
 * Points, 100 at most:
 * - categories 25: the exhibitor has published products in the buyer's categories (15, plus 10 × the share
 *   of the buyer's categories covered);
 * - price 15 × the share of those products whose price range, in USD at the organizer's rates, meets the
 *   buyer's target range (products in a currency without a rate are left out);
 * - MOQ 10: the best product's MOQ is within the buyer's volume;
 * - capacity 10: the exhibitor's monthly capacity covers the buyer's volume (in proportion when it does not);
 * - certifications 10 when the buyer requires some and the exhibitor holds them all — a HARD filter: an
 *   exhibitor missing one, or holding it only expired, is never recommended;
 * - language 10 for a shared language, else 6 for an interpreter at the fair in one of the buyer's;
 * - export experience 10: the exhibitor already exports to the buyer's country;
 * - mutual wish 10 (must+must), 7 (must+would), 5 (would+would).
 * A no-thanks from either side excludes the pair.
 *
 * The buyer's volume (units a month) is what its monthly import budget (annual import in USD / 12) buys of
 * the product at the middle of its price range in USD: buyer profiles carry no unit volume.
 */

export interface BuyerFacts {
  companyId: string;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  categories: readonly string[];
  /** decimal strings in targetPriceCurrency */
  targetPriceMin: string | null;
  targetPriceMax: string | null;
  targetPriceCurrency: string | null;
  /** decimal string, USD a year */
  annualImportUsd: string | null;
  /** required of the exhibitor */
  certifications: readonly string[];
  languages: readonly string[];
}

export interface ProductFacts {
  id: string;
  categoryCode: string;
  priceMin: string | null;
  priceMax: string | null;
  currency: string | null;
  moq: number | null;
  unit: string;
}

export interface ExhibitorFacts {
  companyId: string;
  languages: readonly string[];
  exportMarkets: readonly string[];
  monthlyCapacity: number | null;
  certifications: readonly { type: string; expiresOn: string | null }[];
  /** published products */
  products: readonly ProductFacts[];
}

export interface MatchContext {
  /** the fair's local date, YYYY-MM-DD: a certification expiring before it has lapsed */
  today: string;
  /** 1 unit of the currency in USD, decimal strings; USD is 1 when absent */
  ratesToUsd: Readonly<Record<string, string>>;
  /** languages of the interpreters working at the fair */
  interpreterLanguages: readonly string[];
  buyerWish: WishLevel | null;
  exhibitorWish: WishLevel | null;
}

export type MatchResult =
  | { eligible: false; excludedBy: 'noThanks' }
  | { eligible: false; excludedBy: 'certifications'; missing: string[] }
  | { eligible: true; score: number; reasons: MatchReason[]; productIds: string[] };

export const WEIGHTS = {
  categories: 25,
  price: 15,
  moq: 10,
  capacity: 10,
  certified: 10,
  language: 10,
  interpreter: 6,
  exports: 10,
  mutual: 10,
} as const;

/** Points for a mutual wish, by the two levels (order does not matter). */
const MUTUAL_POINTS: Record<string, number> = { 'must+must': 10, 'must+would': 7, 'would+would': 5 };

/** How many products a recommendation shows. */
export const BEST_PRODUCTS = 3;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

const lower = (values: readonly string[]) => new Set(values.map((v) => v.toLowerCase()));

/** The certifications the buyer requires that the exhibitor does not hold unexpired on `today`. */
export function missingCertifications(
  required: readonly string[],
  held: ExhibitorFacts['certifications'],
  today: string,
): string[] {
  const valid = new Set(held.filter((c) => c.expiresOn === null || c.expiresOn >= today).map((c) => c.type));
  return [...new Set(required)].filter((type) => !valid.has(type));
}

/** `amount` of `currency` in USD at the context's rates; null when there is no rate. */
export function toUsd(amount: string, currency: string, rates: MatchContext['ratesToUsd']): Dec | null {
  if (currency === 'USD') return new D(amount);
  const rate = rates[currency];
  return rate === undefined ? null : new D(amount).mul(rate);
}

interface PricedProduct {
  product: ProductFacts;
  inCategory: boolean;
  /** null when unknown (no price or no rate) */
  inRange: boolean | null;
  /** units a month the buyer's budget buys, null when unknown */
  volume: number | null;
  moqOk: boolean;
}

function productUsdRange(p: ProductFacts, rates: MatchContext['ratesToUsd']): [Dec, Dec] | null {
  if (!p.currency || (p.priceMin === null && p.priceMax === null)) return null;
  const min = toUsd(p.priceMin ?? p.priceMax!, p.currency, rates);
  const max = toUsd(p.priceMax ?? p.priceMin!, p.currency, rates);
  return min && max ? [min, max] : null;
}

function buyerUsdRange(b: BuyerFacts, rates: MatchContext['ratesToUsd']): [Dec, Dec | null] | null {
  if (!b.targetPriceCurrency || (b.targetPriceMin === null && b.targetPriceMax === null)) return null;
  const min = b.targetPriceMin === null ? new D(0) : toUsd(b.targetPriceMin, b.targetPriceCurrency, rates);
  const max = b.targetPriceMax === null ? null : toUsd(b.targetPriceMax, b.targetPriceCurrency, rates);
  if (!min || (b.targetPriceMax !== null && !max)) return null;
  return [min, max];
}

/** Scores one buyer–exhibitor pair; see the module comment for the points. */
export function scorePair(buyer: BuyerFacts, exhibitor: ExhibitorFacts, ctx: MatchContext): MatchResult {
  if (ctx.buyerWish === 'no_thanks' || ctx.exhibitorWish === 'no_thanks') {
    return { eligible: false, excludedBy: 'noThanks' };
  }
  const missing = missingCertifications(buyer.certifications, exhibitor.certifications, ctx.today);
  if (missing.length > 0) return { eligible: false, excludedBy: 'certifications', missing };

  const reasons: MatchReason[] = [];
  let points = new D(0);

  // ---- categories
  const wanted = new Set(buyer.categories);
  const offered = new Set(exhibitor.products.map((p) => p.categoryCode));
  const shared = buyer.categories.filter((c) => offered.has(c));
  if (shared.length > 0) {
    points = points.add(15).add(new D(10).mul(shared.length).div(wanted.size));
    reasons.push({ code: 'sameCategories', params: { categories: shared as CategoryCode[] } });
  }

  // ---- the products that matter: those in the buyer's categories (all of them when none is)
  const target = buyerUsdRange(buyer, ctx.ratesToUsd);
  const monthlyBudget =
    buyer.annualImportUsd !== null && new D(buyer.annualImportUsd).gt(0)
      ? new D(buyer.annualImportUsd).div(12)
      : null;
  const relevant = shared.length > 0 ? exhibitor.products.filter((p) => wanted.has(p.categoryCode)) : [];
  const considered = relevant.length > 0 ? relevant : exhibitor.products;
  const priced: PricedProduct[] = considered.map((product) => {
    const usd = productUsdRange(product, ctx.ratesToUsd);
    const inRange =
      usd && target ? (target[1] === null || usd[0].lte(target[1])) && usd[1].gte(target[0]) : null;
    const unitUsd = usd ? usd[0].add(usd[1]).div(2) : null;
    const volume =
      monthlyBudget && unitUsd && unitUsd.gt(0)
        ? monthlyBudget.div(unitUsd).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber()
        : null;
    return {
      product,
      inCategory: wanted.has(product.categoryCode),
      inRange,
      volume,
      moqOk: product.moq !== null && volume !== null && product.moq <= volume,
    };
  });

  // ---- price
  const known = priced.filter((p) => p.inRange !== null);
  const fitting = known.filter((p) => p.inRange);
  if (target && fitting.length > 0) {
    points = points.add(new D(WEIGHTS.price).mul(fitting.length).div(known.length));
    reasons.push({
      code: 'priceInRange',
      params: {
        count: fitting.length,
        min: buyer.targetPriceMin ?? '0',
        max: buyer.targetPriceMax ?? '∞',
        currency: buyer.targetPriceCurrency!,
      },
    });
  }

  // ---- best products first: in category, in price range, MOQ within volume, then lower MOQ
  const rank = (p: PricedProduct) => (p.inCategory ? 4 : 0) + (p.inRange ? 2 : 0) + (p.moqOk ? 1 : 0);
  const best = [...priced].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      (a.product.moq ?? Number.MAX_SAFE_INTEGER) - (b.product.moq ?? Number.MAX_SAFE_INTEGER) ||
      a.product.id.localeCompare(b.product.id),
  );

  // ---- MOQ and capacity, against the volume of the best product with a known volume
  const lead = best.find((p) => p.volume !== null);
  if (lead && lead.volume !== null) {
    const volume = lead.volume;
    const unit = lead.product.unit;
    if (lead.moqOk) {
      points = points.add(WEIGHTS.moq);
      reasons.push({ code: 'moqWithinVolume', params: { moq: lead.product.moq!, volume, unit } });
    }
    const capacity = exhibitor.monthlyCapacity;
    if (capacity !== null && capacity > 0 && volume > 0) {
      if (capacity >= volume) {
        points = points.add(WEIGHTS.capacity);
        reasons.push({ code: 'capacityCoversVolume', params: { capacity, volume, unit } });
      } else {
        points = points.add(new D(WEIGHTS.capacity).mul(capacity).div(volume));
      }
    }
  }

  // ---- certifications (all held: the hard filter passed)
  if (buyer.certifications.length > 0) {
    points = points.add(WEIGHTS.certified);
    reasons.push({
      code: 'certified',
      params: { certifications: [...new Set(buyer.certifications)] as CertificationType[] },
    });
  }

  // ---- language: shared, else an interpreter at the fair
  const exhibitorLanguages = lower(exhibitor.languages);
  const common = [...lower(buyer.languages)].filter((l) => exhibitorLanguages.has(l));
  if (common.length > 0) {
    points = points.add(WEIGHTS.language);
    reasons.push({ code: 'speaksLanguage', params: { languages: common } });
  } else {
    const interpreters = lower(ctx.interpreterLanguages);
    const covered = [...lower(buyer.languages)].filter((l) => interpreters.has(l));
    if (covered.length > 0) {
      points = points.add(WEIGHTS.interpreter);
      reasons.push({ code: 'interpreterAvailable', params: { languages: covered } });
    }
  }

  // ---- export experience in the buyer's country
  if (buyer.country && exhibitor.exportMarkets.includes(buyer.country)) {
    points = points.add(WEIGHTS.exports);
    reasons.push({ code: 'exportsToCountry', params: { country: buyer.country } });
  }

  // ---- mutual wish
  if (ctx.buyerWish && ctx.exhibitorWish) {
    const key = [ctx.buyerWish, ctx.exhibitorWish].sort().join('+');
    points = points.add(MUTUAL_POINTS[key] ?? 0);
    reasons.push({ code: 'mutualWish', params: {} });
  }

  return {
    eligible: true,
    score: points.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(),
    reasons,
    productIds: best.slice(0, BEST_PRODUCTS).map((p) => p.product.id),
  };
}
