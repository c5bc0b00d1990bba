/**
 * The organizer's results dashboard: one fair, a range of years, or every fair. Every figure is computed by SQL
 * in PostgreSQL; money is a decimal string in USD with 2 decimals, ratios are decimal strings with 4 decimals.
 *
 * | method | path                          | roles                    | response          |
 * |--------|-------------------------------|--------------------------|-------------------|
 * | GET    | /dashboard?fairId=            | organizer, organizer_staff | DashboardResponse (one fair) |
 * | GET    | /dashboard?from=2016&to=2020  | organizer, organizer_staff | fairs whose first day falls in those years |
 * | GET    | /dashboard                    | organizer, organizer_staff | every fair (drafts included) |
 *
 * `fairId` and `from`/`to` exclude each other (422 VALIDATION_FAILED); an unknown fair is 404 NOT_FOUND.
 * Participations: an exhibitor's approved booth at a fair, an importer company registered for a fair (several
 * people of one company count once). Firms: the distinct companies behind them. The dashboard listens to
 * `dashboard:changed` and `meeting:changed` in the organizers' room and refetches.
 */

export interface DashboardQuery {
  fairId?: string;
  from?: number;
  to?: number;
}

export const DASHBOARD_YEAR_MIN = 2000;
export const DASHBOARD_YEAR_MAX = 2100;
/** rows in each "top by value" list */
export const DASHBOARD_TOP = 10;

export type DashboardScopeKind = 'fair' | 'years' | 'all';

export interface DashboardFairRow {
  fairId: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  status: 'draft' | 'registration' | 'live' | 'closed';
  /** YYYY-MM-DD, local to the fair; null when the fair has no days yet */
  firstDay: string | null;
  lastDay: string | null;
  /** year of the first day */
  year: number | null;
  exhibitors: number;
  buyers: number;
  countries: number;
  contracts: number;
  declaredUsd: string;
  confirmedUsd: string;
  targetUsd: string | null;
}

export interface DashboardExhibitors {
  /** approved booths */
  participations: number;
  /** distinct exhibitor companies */
  firms: number;
  /** distinct current provinces (the 34) */
  provinces: number;
  /** distinct legacy provinces (the 63 names) recorded for historical firms */
  legacyProvinces: number;
  villages: number;
  categories: number;
}

export interface DashboardBuyers {
  /** (fair, importer company) pairs */
  participations: number;
  firms: number;
  countries: number;
}

export interface DashboardMeetings {
  /** every request ever made, whatever became of it */
  requested: number;
  /** accepted, held or no-show */
  accepted: number;
  held: number;
  noShow: number;
  /** no-show ÷ (held + no-show), 4 decimals; null when none took place */
  noShowRate: string | null;
  /** requests the other side answered (accepted, declined or counter-proposed) */
  answered: number;
  answeredWithin24h: number;
}

export interface DashboardSamples {
  total: number;
  requested: number;
  sent: number;
  received: number;
  approved: number;
  rejected: number;
}

export interface DashboardContracts {
  /** contracts not cancelled: declared, confirmed or disputed */
  count: number;
  confirmedCount: number;
  /** USD value of every contract not cancelled (what the parties declared) */
  declaredUsd: string;
  /** USD value of the confirmed ones */
  confirmedUsd: string;
  disputedUsd: string;
  /** confirmedUsd ÷ exhibitor participations */
  averagePerExhibitorUsd: string;
  /** sum of the fairs' contract targets; null when no fair in scope has one */
  targetUsd: string | null;
  /** confirmedUsd ÷ targetUsd, 4 decimals ("0.4213" = 42.13 %) */
  progress: string | null;
}

/** One entry of a "top by value" list, ordered by confirmed value, then declared value. */
export interface DashboardTopRow {
  /** ISO country, category code, province code or village code; null = not recorded */
  code: string | null;
  contracts: number;
  declaredUsd: string;
  confirmedUsd: string;
}

export interface DashboardDayRow {
  /** signing date, YYYY-MM-DD */
  date: string;
  contracts: number;
  declaredUsd: string;
  confirmedUsd: string;
}

export interface DashboardResponse {
  scope: { kind: DashboardScopeKind; fairId: string | null; from: number | null; to: number | null };
  /** the fairs in scope, oldest first */
  fairs: DashboardFairRow[];
  exhibitors: DashboardExhibitors;
  buyers: DashboardBuyers;
  meetings: DashboardMeetings;
  samples: DashboardSamples;
  contracts: DashboardContracts;
  top: {
    countries: DashboardTopRow[];
    /**
     * From the contract lines: a line counts under its product's category; a free-text line (or one whose product
     * is gone), and a contract without lines, under the exhibitor's main category (its profile's, else its
     * village's). A contract counts once in each category it touches; a category's USD value per contract is
     * round(Σ its line totals × the contract's rate, 2), so a one-category contract adds exactly its USD total and
     * a split one may differ from it by a cent.
     */
    categories: DashboardTopRow[];
    provinces: DashboardTopRow[];
    villages: DashboardTopRow[];
  };
  /** value by signing date, oldest first */
  byDay: DashboardDayRow[];
}

/**
 * The programme's targets as the client's brief states them. They are the client's figures, shown labelled as
 * such beside the measured ones; the label keys live in the `dashboard` namespace.
 */
export interface ProgrammeTarget {
  key:
    | 'exports2025'
    | 'perFirmAbroad'
    | 'contracts2016to2020'
    | 'exhibitors2016to2020'
    | 'importers2016to2020'
    | 'countries2016to2020';
  labelKey: string;
  /** decimal string: USD when `unit` is 'usd', a count otherwise */
  value: string;
  unit: 'usd' | 'count';
  source: 'client';
}

export const PROGRAMME_TARGETS: readonly ProgrammeTarget[] = [
  {
    key: 'exports2025',
    labelKey: 'dashboard:programme.exports2025',
    value: '550000000',
    unit: 'usd',
    source: 'client',
  },
  {
    key: 'perFirmAbroad',
    labelKey: 'dashboard:programme.perFirmAbroad',
    value: '55000',
    unit: 'usd',
    source: 'client',
  },
  {
    key: 'contracts2016to2020',
    labelKey: 'dashboard:programme.contracts2016to2020',
    value: '20000000',
    unit: 'usd',
    source: 'client',
  },
  {
    key: 'exhibitors2016to2020',
    labelKey: 'dashboard:programme.exhibitors2016to2020',
    value: '1250',
    unit: 'count',
    source: 'client',
  },
  {
    key: 'importers2016to2020',
    labelKey: 'dashboard:programme.importers2016to2020',
    value: '3200',
    unit: 'count',
    source: 'client',
  },
  {
    key: 'countries2016to2020',
    labelKey: 'dashboard:programme.countries2016to2020',
    value: '40',
    unit: 'count',
    source: 'client',
  },
];
