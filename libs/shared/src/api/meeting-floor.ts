/**
 * The fair floor: B2B tables and where a meeting takes place, check-in by QR code, each side's private
 * outcome of a held meeting, and the organizer's overview of a fair's meetings.
 */
import type { Page, PageQuery } from '../pagination';
import type { MeetingPlaceKind, MeetingStatus } from './meetings';

// ---- B2B tables (organizer)

export const B2B_TABLE_CODE_MAX = 16;
export const B2B_TABLE_SEATS_MIN = 2;
export const B2B_TABLE_SEATS_MAX = 20;

export interface B2bTable {
  id: string;
  fairId: string;
  hallId: string;
  hallCode: string;
  hallName: string;
  /** unique within the fair, e.g. "T-01" */
  code: string;
  seats: number | null;
}

export interface CreateB2bTableRequest {
  hallId: string;
  code: string;
  seats?: number | null;
}

// ---- place of a meeting

/**
 * `PATCH /meetings/:id/place`. The organizer puts a meeting at a table (`tableId`); either party (or
 * the organizer) moves it online (`videoUrl`, https only) or back to the exhibitor's booth.
 */
export interface SetMeetingPlaceRequest {
  kind: MeetingPlaceKind;
  /** required when kind is 'table' */
  tableId?: string;
  /** required when kind is 'online'; https only */
  videoUrl?: string;
}

export const MEETING_VIDEO_URL_MAX = 500;

/** Where a meeting takes place, ready to show (`GET|PATCH /meetings/:id/place`). */
export interface MeetingPlace {
  meetingId: string;
  kind: MeetingPlaceKind;
  /** the exhibitor's booth at the fair (shown for 'booth'; null if the booth has no code yet) */
  booth: { code: string; hallCode: string | null; hallName: string | null } | null;
  /** set when kind is 'table' */
  table: { id: string; code: string; hallCode: string; hallName: string; seats: number | null } | null;
  /** set when kind is 'online' */
  videoUrl: string | null;
  /** the meeting's sequence after the change */
  sequence: number;
}

// ---- check-in (QR)

/** Check-in opens this many minutes before a meeting starts; it closes at the end plus the fair's grace. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 10;

/**
 * `GET /meetings/:id/checkin-code`: the caller's own side's code of an accepted meeting. The QR encodes
 * `url` (`<PUBLIC_URL>/checkin/<code>`), so a phone camera opens the web app's check-in page, which
 * posts the code. Only the OTHER party (or organizer staff) can check it in.
 */
export interface CheckinCode {
  meetingId: string;
  side: 'buyer' | 'exhibitor';
  code: string;
  url: string;
}

/** `POST /meetings/checkin` */
export interface CheckinRequest {
  code: string;
}

/** The answer to a successful check-in. */
export interface CheckinResult {
  meetingId: string;
  fairId: string;
  status: MeetingStatus;
  checkedInAt: string;
  sequence: number;
  buyerCompanyName: string;
  exhibitorCompanyName: string;
  start: string;
  end: string;
}

// ---- outcomes (private to each company)

export const MEETING_INTEREST_LEVELS = ['low', 'medium', 'high'] as const;
export type MeetingInterestLevel = (typeof MEETING_INTEREST_LEVELS)[number];

export const MEETING_NEXT_STEPS = ['none', 'samples', 'quotation', 'contract'] as const;
export type MeetingNextStep = (typeof MEETING_NEXT_STEPS)[number];

export const MEETING_OUTCOME_NOTES_MAX = 4000;

/** `PUT /meetings/:id/outcome` (only once the meeting is held) */
export interface SaveMeetingOutcomeRequest {
  interest: MeetingInterestLevel;
  nextStep: MeetingNextStep;
  notes?: string | null;
}

/** One company's own outcome of a held meeting; never shown to the other company. */
export interface MeetingOutcome {
  meetingId: string;
  companyId: string;
  interest: MeetingInterestLevel;
  nextStep: MeetingNextStep;
  notes: string | null;
  updatedAt: string;
}

/** `GET /meetings/:id/outcome`: the caller's company's outcome, or null while none is recorded. */
export interface MyMeetingOutcome {
  outcome: MeetingOutcome | null;
}

// ---- organizer overview

/** `GET /fairs/:fairId/meeting-stats` (organizer, organizer staff) */
export interface FairMeetingStats {
  fairId: string;
  total: number;
  /** every status, zero included */
  byStatus: Record<MeetingStatus, number>;
  /** no_show / (held + no_show) as a decimal string with 4 places ("0.2500"); null before any meeting ended */
  noShowRate: string | null;
  /** accepted meetings that asked for an interpreter and have none yet */
  waitingForInterpreter: number;
  // Response times (always sent by the server; optional only so older clients' fixtures still type-check).
  /** requests the other side answered (accepted, declined or counter-proposed) */
  answered?: number;
  /** of those, answered within 24 hours of being sent */
  answeredWithin24h?: number;
  /** answeredWithin24h / answered as a decimal string with 4 places; null before any answer */
  answeredWithin24hShare?: string | null;
}

/** `GET /fairs/:fairId/meetings` query (organizer, organizer staff). */
export interface FairMeetingQuery extends PageQuery {
  status?: MeetingStatus;
  /** either party */
  companyId?: string;
  /** true: only accepted meetings waiting for an interpreter */
  needsInterpreter?: boolean;
  /** company or person name, accents ignored */
  q?: string;
}

export interface FairMeetingParty {
  companyId: string;
  companyName: string;
  countryCode: string | null;
  userId: string;
  fullName: string;
}

/** One row of the organizer's meeting list. */
export interface FairMeetingRow {
  id: string;
  status: MeetingStatus;
  buyer: FairMeetingParty;
  exhibitor: FairMeetingParty;
  requestedBy: 'buyer' | 'exhibitor';
  start: string | null;
  end: string | null;
  place: MeetingPlaceKind;
  boothCode: string | null;
  tableCode: string | null;
  videoUrl: string | null;
  interpreterLanguage: string | null;
  interpreterUserId: string | null;
  interpreterName: string | null;
  checkedInAt: string | null;
  sequence: number;
  createdAt: string;
}

export type FairMeetingPage = Page<FairMeetingRow>;
