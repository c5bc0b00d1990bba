import type { Page } from '../pagination';

export const FAIR_STATUSES = ['draft', 'registration', 'live', 'closed'] as const;
export type FairStatus = (typeof FAIR_STATUSES)[number];

/** The only moves a fair's status makes: draft → registration → live → closed. */
export const FAIR_TRANSITIONS: Record<FairStatus, FairStatus | null> = {
  draft: 'registration',
  registration: 'live',
  live: 'closed',
  closed: null,
};

export const DEFAULT_FAIR_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** One fair day, as local date and local opening hours in the fair's time zone. */
export interface FairDayInput {
  /** YYYY-MM-DD, local to the fair */
  date: string;
  /** HH:MM, local to the fair */
  opensAt: string;
  closesAt: string;
}

export interface FairDay extends FairDayInput {
  /** the same instants in UTC (ISO 8601), for viewers in other zones */
  startsAt: string;
  endsAt: string;
}

export interface HallInput {
  code: string;
  name: string;
  gridRows: number;
  gridCols: number;
}

export interface Hall extends HallInput {
  id: string;
}

export interface CreateFairRequest {
  nameVi: string;
  nameEn: string;
  /** generated from the English name when absent */
  slug?: string;
  venue: string;
  address?: string | null;
  /** IANA zone, default Asia/Ho_Chi_Minh */
  timeZone?: string;
  slotMinutes?: number;
  bufferMinutes?: number;
  /** decimal string in USD, e.g. "5000000.00" */
  contractTargetUsd?: string | null;
  days: FairDayInput[];
  halls: HallInput[];
}

/** Every field optional; `days` and `halls`, when sent, replace the lists (halls matched by code). */
export type UpdateFairRequest = Partial<CreateFairRequest>;

export interface ChangeFairStatusRequest {
  status: FairStatus;
}

export interface FairSummary {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  venue: string;
  address: string | null;
  timeZone: string;
  status: FairStatus;
  /** first and last local date, null when the fair has no days yet */
  startDate: string | null;
  endDate: string | null;
  hallCount: number;
  /** approved booths */
  boothCount: number;
}

export interface Fair extends FairSummary {
  slotMinutes: number;
  bufferMinutes: number;
  contractTargetUsd: string | null;
  days: FairDay[];
  halls: Hall[];
  createdAt: string;
  updatedAt: string;
}

export type FairWhen = 'upcoming' | 'past';

export interface ListFairsQuery {
  when?: FairWhen;
  page?: number;
  pageSize?: number;
}

export interface ListManagedFairsQuery {
  status?: FairStatus;
  page?: number;
  pageSize?: number;
}

export type FairPage = Page<FairSummary>;
