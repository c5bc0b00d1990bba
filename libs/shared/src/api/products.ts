import type { Page, PageQuery } from '../pagination';
import type { AwardKind, CertificationType, ProductUnit } from '../reference/trade';

/** draft ↔ published by the owner; `unpublished` is set by an organizer (moderation). */
export const PRODUCT_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const MAX_PRODUCT_PHOTOS = 8;
export const MAX_PRODUCT_MATERIALS = 12;
export const MAX_PRODUCT_AWARDS = 20;

/** FOB prices: decimal strings with up to 4 decimals (numeric(18,4)); never floats. */
export const PRICE_PATTERN = /^\d{1,14}(\.\d{1,4})?$/;
/** Sizes in cm: up to 2 decimals (numeric(10,2)). */
export const SIZE_PATTERN = /^\d{1,8}(\.\d{1,2})?$/;
/** Weight in kg: up to 3 decimals (numeric(12,3)). */
export const WEIGHT_PATTERN = /^\d{1,9}(\.\d{1,3})?$/;

export interface ProductAward {
  name: string;
  year: number;
  kind: AwardKind;
  /** "Gold", "1st prize", "5★"… */
  rank?: string | null;
}

export interface ProductPhoto {
  fileId: string;
  position: number;
  url: string;
  thumbUrl: string;
}

/** The editable facts of a product. Decimal values travel as strings ("12.50"). */
export interface ProductInput {
  nameVi: string;
  nameEn: string;
  descriptionVi?: string | null;
  descriptionEn?: string | null;
  categoryCode: string;
  materials?: string[];
  materialOrigin?: string | null;
  /** 4, 6 or 8 digits; dots allowed on input (`3307.41`), stored as digits */
  hsCode?: string | null;
  lengthCm?: string | null;
  widthCm?: string | null;
  heightCm?: string | null;
  weightKg?: string | null;
  unit?: ProductUnit;
  moq?: number | null;
  priceMin?: string | null;
  priceMax?: string | null;
  /** ISO 4217; required when a price is given */
  currency?: string | null;
  leadTimeDays?: number | null;
  monthlyCapacity?: number | null;
  certifications?: CertificationType[];
  awards?: ProductAward[];
  workshopId?: string | null;
  artisanId?: string | null;
}

export type CreateProductRequest = ProductInput;
export type UpdateProductRequest = Partial<ProductInput>;

export interface Product {
  id: string;
  companyId: string;
  slug: string;
  status: ProductStatus;
  /** why an organizer unpublished it */
  moderationReason: string | null;
  nameVi: string;
  nameEn: string;
  descriptionVi: string | null;
  descriptionEn: string | null;
  categoryCode: string;
  materials: string[];
  materialOrigin: string | null;
  hsCode: string | null;
  lengthCm: string | null;
  widthCm: string | null;
  heightCm: string | null;
  weightKg: string | null;
  unit: ProductUnit;
  moq: number | null;
  priceMin: string | null;
  priceMax: string | null;
  currency: string | null;
  leadTimeDays: number | null;
  monthlyCapacity: number | null;
  certifications: CertificationType[];
  awards: ProductAward[];
  workshopId: string | null;
  artisanId: string | null;
  photos: ProductPhoto[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of "My products". */
export interface ProductSummary {
  id: string;
  slug: string;
  status: ProductStatus;
  moderationReason: string | null;
  nameVi: string;
  nameEn: string;
  categoryCode: string;
  unit: ProductUnit;
  moq: number | null;
  priceMin: string | null;
  priceMax: string | null;
  currency: string | null;
  photoCount: number;
  cover: ProductPhoto | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface ListMyProductsQuery extends PageQuery {
  status?: ProductStatus;
  q?: string;
}

export type ProductPage = Page<ProductSummary>;

/** The new order of all the product's photos, first = cover. */
export interface ReorderPhotosRequest {
  fileIds: string[];
}
