import { PUBLIC_LANGUAGES, type PublicLanguage } from '../i18n';

/** Orders of the public catalogue. `relevance` falls back to `newest` when there is no query. */
export const CATALOGUE_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

export const CATALOGUE_DEFAULT_LIMIT = 24;
export const CATALOGUE_MAX_LIMIT = 60;
/**
 * Search counts (total and facets) and relevance ranking look at no more than this many matches;
 * past it `total` is this number and `totalIsEstimate` is true ("1,000+").
 */
export const CATALOGUE_MATCH_CAP = 1000;

/**
 * GET /api/catalogue/products. Money filters are decimal strings; the price filter keeps products
 * whose FOB range overlaps [priceMin, priceMax] in the same currency (no conversion yet).
 */
export interface CatalogueProductQuery {
  q?: string;
  category?: string;
  village?: string;
  province?: string;
  certification?: string;
  /** fair id: products of exhibitors with an approved booth at that fair */
  fair?: string;
  /** booth id: the products shown at that booth */
  booth?: string;
  /** company id: one exhibitor's products */
  exhibitor?: string;
  moqMax?: number;
  priceMin?: string;
  priceMax?: string;
  currency?: string;
  sort?: CatalogueSort;
  limit?: number;
  /** opaque, from the previous page's `nextCursor` */
  cursor?: string;
}

export interface CatalogueProductCard {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  categoryCode: string;
  materials: string[];
  priceMin: string | null;
  priceMax: string | null;
  currency: string | null;
  moq: number | null;
  unit: string;
  certifications: string[];
  /** first photo, served by GET /api/files/:id (and /thumb) */
  photoFileId: string | null;
  company: { id: string; name: string };
  villageCode: string | null;
  villageName: string | null;
  provinceCode: string | null;
}

export interface FacetCount {
  code: string;
  count: number;
}

export interface CatalogueFacets {
  categories: FacetCount[];
  provinces: FacetCount[];
  certifications: FacetCount[];
}

export interface CatalogueProductPage {
  items: CatalogueProductCard[];
  nextCursor: string | null;
  /** counts over the matches, or over the first CATALOGUE_MATCH_CAP of them when totalIsEstimate */
  facets: CatalogueFacets;
  /** every match of the query and filters, or CATALOGUE_MATCH_CAP when there are more */
  total: number;
  /** true when there are more than CATALOGUE_MATCH_CAP matches: show the total as "1,000+" */
  totalIsEstimate: boolean;
}

/** GET /api/catalogue/exhibitors */
export interface CatalogueExhibitorQuery {
  q?: string;
  village?: string;
  province?: string;
  category?: string;
  limit?: number;
  cursor?: string;
}

export interface CatalogueExhibitorCard {
  id: string;
  name: string;
  legalName: string | null;
  villageCode: string | null;
  villageName: string | null;
  provinceCode: string | null;
  logoFileId: string | null;
  productCount: number;
  certifications: string[];
}

export interface CatalogueExhibitorPage {
  items: CatalogueExhibitorCard[];
  nextCursor: string | null;
}

export interface PublicVillage {
  code: string;
  nameVi: string;
  nameAscii: string;
  provinceCode: string;
}

export interface PublicProvince {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** Where an exhibitor stands at the current fair (registration or live, booth approved). */
export interface PublicBooth {
  boothId: string;
  code: string;
  fairId: string;
  fairSlug: string;
  fairNameVi: string;
  fairNameEn: string;
  fairStatus: 'registration' | 'live';
  venue: string;
  hallCode: string | null;
  hallName: string | null;
  firstDay: string | null;
  lastDay: string | null;
}

export interface PublicCertification {
  type: string;
  number: string | null;
  issuer: string | null;
  /** ISO date; null when unknown or not recorded */
  expiresOn: string | null;
  /** false when a recorded expiry date has passed */
  valid: boolean;
}

export interface PublicAward {
  name: string;
  year: number | null;
  kind: string | null;
  /** "Gold", "1st prize", "5★"… */
  rank: string | null;
}

export interface PublicExhibitorSummary {
  id: string;
  name: string;
  legalName: string | null;
  village: PublicVillage | null;
  villageOther: string | null;
  province: PublicProvince | null;
  yearFounded: number | null;
  employees: number | null;
  logoFileId: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  exportMarkets: string[];
  languages: string[];
  website: string | null;
  certifications: PublicCertification[];
}

/** GET /api/catalogue/products/:slug: the product and its traceability story. */
export interface PublicProduct {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string | null;
  descriptionEn: string | null;
  category: { code: string; nameVi: string; nameEn: string };
  materials: string[];
  materialOrigin: string | null;
  hsCode: string | null;
  lengthCm: string | null;
  widthCm: string | null;
  heightCm: string | null;
  weightKg: string | null;
  unit: string;
  moq: number | null;
  priceMin: string | null;
  priceMax: string | null;
  currency: string | null;
  leadTimeDays: number | null;
  monthlyCapacity: number | null;
  photoFileIds: string[];
  workshop: {
    id: string;
    name: string;
    village: PublicVillage | null;
    villageOther: string | null;
    province: PublicProvince | null;
    description: string | null;
  } | null;
  artisan: { id: string; name: string; title: string | null; bio: string | null } | null;
  /** the village and province the product comes from: the workshop's, else the exhibitor's */
  village: PublicVillage | null;
  province: PublicProvince | null;
  certifications: PublicCertification[];
  awards: PublicAward[];
  exhibitor: PublicExhibitorSummary;
  booth: PublicBooth | null;
  publicUrl: string;
  qr: { svg: string; png: string };
  publishedAt: string | null;
}

/** GET /api/catalogue/exhibitors/:companyId */
export interface PublicExhibitor extends PublicExhibitorSummary {
  booth: PublicBooth | null;
  products: CatalogueProductPage;
  publicUrl: string;
}

/** The public product page's address. */
export function productPagePath(slug: string): string {
  return `/p/${encodeURIComponent(slug)}`;
}

export function isPublicLanguage(value: unknown): value is PublicLanguage {
  return typeof value === 'string' && (PUBLIC_LANGUAGES as readonly string[]).includes(value);
}
