import type { PageQuery } from '../pagination';

/**
 * The auto-scheduler (organizer's team): settings per fair, a draft computed in the background from the
 * fair's wishes, its review (summary, per-person agenda, unscheduled pairs) and its publication as
 * accepted meetings.
 *
 * Routes (all under /api). Every GET: the organizer's team (organizer, organizer_staff); PUT and POST:
 * the organizer only; everyone else gets 403:
 *
 * | method | path                                               | body                           | response                      |
 * |--------|----------------------------------------------------|--------------------------------|-------------------------------|
 * | GET    | /fairs/:fairId/scheduling/settings                 | –                              | ScheduleSettings              |
 * | PUT    | /fairs/:fairId/scheduling/settings                 | UpdateScheduleSettingsRequest  | ScheduleSettings              |
 * | POST   | /fairs/:fairId/scheduling/drafts                   | GenerateScheduleRequest        | GenerateScheduleResponse (202)|
 * | GET    | /fairs/:fairId/scheduling/drafts/current           | –                              | CurrentScheduleDraft          |
 * | GET    | /scheduling/drafts/:draftId                        | –                              | ScheduleDraftSummary          |
 * | GET    | /scheduling/drafts/:draftId/meetings?userId=&page= | –                              | Page<ScheduleDraftMeeting>    |
 * | GET    | /scheduling/drafts/:draftId/people?q=&page=        | –                              | Page<ScheduleDraftPerson>     |
 * | GET    | /scheduling/drafts/:draftId/agenda/:userId         | –                              | ScheduleAgenda                |
 * | GET    | /scheduling/drafts/:draftId/unscheduled?reason=&page= | –                           | Page<ScheduleUnscheduledPair> |
 * | POST   | /scheduling/drafts/:draftId/publish                | –                              | PublishScheduleResult (200)   |
 * | POST   | /scheduling/drafts/:draftId/discard                | –                              | ScheduleDraftSummary (200)    |
 *
 * A fair has at most one current draft (running or ready). Generating discards the current ready draft;
 * while one runs, another generate answers 409 SCHEDULE_RUNNING. Publishing a draft that is not ready
 * answers 409 SCHEDULE_DRAFT_STATE, except a draft already published, which answers 200 again with
 * `published: 0` (idempotent). Each entry is inserted as an accepted meeting through the same database
 * constraints as a hand-made one; an entry that now clashes (someone booked the slot meanwhile) is marked
 * 'conflict' and the rest go on. While a draft runs, `schedule:progress` goes to the organizers' room.
 */

/** regenerate: a new draft from scratch (existing accepted/held meetings stay locked);
 *  fill: keep the current draft's entries and fill only the free slots. */
export const SCHEDULE_MODES = ['regenerate', 'fill'] as const;
export type ScheduleMode = (typeof SCHEDULE_MODES)[number];

export const SCHEDULE_DRAFT_STATUSES = ['running', 'ready', 'published', 'failed', 'discarded'] as const;
export type ScheduleDraftStatus = (typeof SCHEDULE_DRAFT_STATUSES)[number];

export const SCHEDULE_ENTRY_STATUSES = ['planned', 'published', 'conflict'] as const;
export type ScheduleEntryStatus = (typeof SCHEDULE_ENTRY_STATUSES)[number];

export const SCHEDULE_UNSCHEDULED_REASONS = [
  'no_common_slot',
  'no_interpreter',
  'no_table',
  'cap_reached',
] as const;
export type ScheduleUnscheduledReason = (typeof SCHEDULE_UNSCHEDULED_REASONS)[number];

/**
 * Which meetings use the B2B tables of `tableHallId`:
 * - auto: a meeting whose buyer person is a hosted buyer, or whose exhibitor has no booth placed in a hall;
 * - all: every scheduled meeting;
 * - none: none (every meeting at the exhibitor's booth).
 * Meetings not at a table take place at the exhibitor's booth.
 */
export const SCHEDULE_TABLE_POLICIES = ['auto', 'all', 'none'] as const;
export type ScheduleTablePolicy = (typeof SCHEDULE_TABLE_POLICIES)[number];

export const SCHEDULE_MAX_PER_DAY_DEFAULT = 8;
export const SCHEDULE_MAX_PER_DAY_LIMIT = 40;

/** Priority of a pair from both companies' wishes (a one-sided 'would' is not scheduled; 'no_thanks' excludes). */
export const SCHEDULE_WEIGHTS = { mustMust: 8, mustWould: 4, wouldWould: 2, mustOnly: 1 } as const;

export interface ScheduleSettings {
  fairId: string;
  /** most meetings one person has in one day, existing meetings included */
  maxMeetingsPerDay: number;
  /** local times of the fair's zone, HH:MM; both null = no lunch break */
  lunchStart: string | null;
  lunchEnd: string | null;
  tablePolicy: ScheduleTablePolicy;
  /** the hall whose B2B tables are used; null = the hall with the most tables */
  tableHallId: string | null;
  /** the halls of the fair with their B2B table count, to choose from */
  halls: { id: string; code: string; name: string; tables: number }[];
}

export interface UpdateScheduleSettingsRequest {
  maxMeetingsPerDay: number;
  lunchStart: string | null;
  lunchEnd: string | null;
  tablePolicy: ScheduleTablePolicy;
  tableHallId: string | null;
}

export interface GenerateScheduleRequest {
  mode: ScheduleMode;
}

export interface GenerateScheduleResponse {
  draftId: string;
}

export interface ScheduleDraftSummary {
  id: string;
  fairId: string;
  mode: ScheduleMode;
  status: ScheduleDraftStatus;
  /** 0..1 while running, 1 once done */
  progress: number;
  /** sum of the weights of the draft's new entries ("scheduled X …") */
  scheduledWeight: number;
  /** upper bound on the weight any schedule could add ("… of at most Y"); null while running */
  bound: number | null;
  /** scheduledWeight / bound, 1 when bound is 0; null while running */
  ratio: number | null;
  /** pairs wished by the fair's companies that were still to be met */
  pairCount: number;
  /** entries of the draft (kept ones of a fill included) */
  meetingCount: number;
  /** entries kept from the previous draft (fill mode) */
  keptCount: number;
  unscheduledCount: number;
  /** existing accepted or held meetings that were locked */
  lockedCount: number;
  publishedCount: number;
  conflictCount: number;
  createdBy: { userId: string; fullName: string } | null;
  createdAt: string;
  finishedAt: string | null;
  publishedAt: string | null;
}

/** `{ draft: null }` when the fair has no running, ready or published draft. */
export interface CurrentScheduleDraft {
  draft: ScheduleDraftSummary | null;
}

export interface ScheduleParty {
  companyId: string;
  companyName: string;
  userId: string;
  fullName: string;
}

export interface ScheduleDraftMeeting {
  id: string;
  buyer: ScheduleParty;
  exhibitor: ScheduleParty;
  /** UTC instants, ISO 8601 */
  start: string;
  end: string;
  place: 'booth' | 'table';
  hallName: string | null;
  /** the B2B table, when place is 'table' */
  tableCode: string | null;
  boothCode: string | null;
  interpreterLanguage: string | null;
  interpreter: { userId: string; fullName: string } | null;
  weight: number;
  status: ScheduleEntryStatus;
  /** kept from the previous draft (fill mode) */
  kept: boolean;
  /** the accepted meeting, once published */
  meetingId: string | null;
}

export interface ScheduleDraftMeetingQuery extends PageQuery {
  /** only the entries of this person (buyer or exhibitor side) */
  userId?: string;
  status?: ScheduleEntryStatus;
}

/** A person with entries in the draft (or with wishes to schedule). */
export interface ScheduleDraftPerson {
  userId: string;
  fullName: string;
  companyId: string;
  companyName: string;
  side: 'buyer' | 'exhibitor';
  meetingCount: number;
  unscheduledCount: number;
}

export interface ScheduleDraftPersonQuery extends PageQuery {
  /** part of a person's or company's name */
  q?: string;
  side?: 'buyer' | 'exhibitor';
}

/** One line of a person's agenda: a draft entry, or an existing accepted/held meeting it was planned around. */
export interface ScheduleAgendaItem {
  source: 'draft' | 'existing';
  /** draft entry id, or meeting id for 'existing' */
  id: string;
  start: string;
  end: string;
  /** the other party */
  with: ScheduleParty;
  place: 'booth' | 'table' | 'online';
  hallName: string | null;
  tableCode: string | null;
  boothCode: string | null;
  interpreter: { userId: string; fullName: string } | null;
  /** draft entries only */
  status: ScheduleEntryStatus | null;
  weight: number | null;
}

export interface ScheduleAgenda {
  draftId: string;
  person: ScheduleDraftPerson;
  /** the fair's IANA zone, to show local times */
  timeZone: string;
  items: ScheduleAgendaItem[];
}

export interface ScheduleUnscheduledPair {
  id: string;
  buyer: ScheduleParty;
  exhibitor: ScheduleParty;
  weight: number;
  reason: ScheduleUnscheduledReason;
}

export interface ScheduleUnscheduledQuery extends PageQuery {
  reason?: ScheduleUnscheduledReason;
}

export interface PublishScheduleResult {
  draft: ScheduleDraftSummary;
  /** entries turned into accepted meetings by this call (0 when the draft was already published) */
  published: number;
  /** entries that clashed with a meeting booked meanwhile, by this call */
  conflicts: number;
}

/** Sent to the organizers' room while a draft runs (throttled) and when it ends. */
export interface ScheduleProgressEvent {
  draftId: string;
  fairId: string;
  /** 0..1 */
  fraction: number;
  status: ScheduleDraftStatus;
}
