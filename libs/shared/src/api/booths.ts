import type { Page } from '../pagination';
import type { FairStatus } from './fairs';

export const BOOTH_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type BoothStatus = (typeof BOOTH_STATUSES)[number];

export const BOOTH_SIZES = ['2x2', '3x3', '3x6', '6x6', '6x9'] as const;
export type BoothSize = (typeof BOOTH_SIZES)[number];

/** Products an exhibitor shows on one booth. */
export const MAX_BOOTH_PRODUCTS = 50;
/** Product QR codes on a booth poster. */
export const POSTER_PRODUCTS = 6;

export interface ApplyBoothRequest {
  preferredHallId?: string | null;
  size: BoothSize;
  /** the company's own published products */
  productIds: string[];
  note?: string | null;
}

export type UpdateBoothRequest = Partial<ApplyBoothRequest>;

export interface ApproveBoothRequest {
  hallId: string;
  /** unique within the fair, e.g. "A-12" */
  code: string;
  gridRow?: number | null;
  gridCol?: number | null;
}

export interface RejectBoothRequest {
  reason: string;
}

export interface BoothProductRef {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
}

export interface Booth {
  id: string;
  fairId: string;
  fairSlug: string;
  fairNameVi: string;
  fairNameEn: string;
  fairStatus: FairStatus;
  companyId: string;
  companyName: string;
  status: BoothStatus;
  size: BoothSize;
  preferredHallId: string | null;
  preferredHallCode: string | null;
  hallId: string | null;
  hallCode: string | null;
  hallName: string | null;
  code: string | null;
  gridRow: number | null;
  gridCol: number | null;
  note: string | null;
  statusReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
  products: BoothProductRef[];
}

export interface ListBoothsQuery {
  status?: BoothStatus;
  hallId?: string;
  page?: number;
  pageSize?: number;
}

export type BoothPage = Page<Booth>;

export interface FloorBooth {
  id: string;
  code: string;
  companyId: string;
  companyName: string;
  size: BoothSize;
  gridRow: number | null;
  gridCol: number | null;
}

export interface FloorHall {
  id: string;
  code: string;
  name: string;
  gridRows: number;
  gridCols: number;
  booths: FloorBooth[];
}

export interface FloorPlan {
  fairId: string;
  halls: FloorHall[];
}

export interface PosterProduct {
  slug: string;
  nameVi: string;
  nameEn: string;
  url: string;
  qrSvg: string;
}

/** What a printable A4 booth poster shows. */
export interface BoothPoster {
  boothId: string;
  code: string;
  hallCode: string;
  hallName: string;
  companyId: string;
  companyName: string;
  villageVi: string | null;
  villageEn: string | null;
  provinceVi: string | null;
  provinceEn: string | null;
  fair: {
    slug: string;
    nameVi: string;
    nameEn: string;
    venue: string;
    startDate: string | null;
    endDate: string | null;
  };
  catalogueUrl: string;
  catalogueQrSvg: string;
  products: PosterProduct[];
}

/** Pushed to `company:<id>` when an organizer reviews one of its booth applications. */
export interface BoothStatusEvent {
  boothId: string;
  fairId: string;
  companyId: string;
  status: BoothStatus;
  code: string | null;
  hallCode: string | null;
  reason: string | null;
}

/** An exhibitor's own published products, to pick for a booth. */
export interface EligibleProduct extends BoothProductRef {
  categoryCode: string;
}
