/** B2B meetings between an attending buyer person and an attending exhibitor person at a fair. */

export const MEETING_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'cancelled',
  'expired',
  'held',
  'no_show',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_PLACE_KINDS = ['booth', 'table', 'online'] as const;
export type MeetingPlaceKind = (typeof MEETING_PLACE_KINDS)[number];

export const MEETING_DECLINE_REASONS = ['not_relevant', 'no_availability', 'not_attending', 'other'] as const;
export type MeetingDeclineReason = (typeof MEETING_DECLINE_REASONS)[number];

/** A request proposes 1 to this many slots. */
export const MEETING_MAX_PROPOSALS = 3;
export const MEETING_MESSAGE_MAX = 2000;
export const MEETING_REASON_MAX = 500;
/** Default organizer settings of a fair. */
export const MEETING_REQUEST_LIMIT_DEFAULT = 30;
export const MEETING_REQUEST_TTL_HOURS_DEFAULT = 48;

/** A bookable slot of a fair, as UTC instants (ISO 8601). */
export interface FairSlot {
  start: string;
  end: string;
}

export interface CreateMeetingRequest {
  /** the attending person of the other company */
  withUserId: string;
  /** starts (ISO 8601) of 1–3 slots of the fair */
  slots: string[];
  message?: string;
  /** language the requester needs an interpreter for, e.g. "en", "ja" */
  interpreterLanguage?: string;
}

export interface AcceptMeetingRequest {
  slotStart: string;
}

export interface DeclineMeetingRequest {
  reasonCode: MeetingDeclineReason;
}

export interface CancelMeetingRequest {
  reason: string;
}

export interface MeetingParty {
  companyId: string;
  companyName: string;
  userId: string;
  fullName: string;
}

export interface MeetingDetail {
  id: string;
  fairId: string;
  status: MeetingStatus;
  buyer: MeetingParty;
  exhibitor: MeetingParty;
  /** which side sent the request */
  requestedBy: 'buyer' | 'exhibitor';
  /** set once accepted */
  start: string | null;
  end: string | null;
  place: MeetingPlaceKind;
  tableId: string | null;
  videoUrl: string | null;
  interpreterLanguage: string | null;
  interpreterUserId: string | null;
  message: string | null;
  declineReason: MeetingDeclineReason | null;
  cancelReason: string | null;
  expiresAt: string;
  /** increases on every change (ICS SEQUENCE) */
  sequence: number;
  /** the slots of the latest proposal round */
  proposals: FairSlot[];
  createdAt: string;
  updatedAt: string;
}

/** A buyer company's staff member attending a fair. */
export interface FairParticipant {
  fairId: string;
  companyId: string;
  userId: string;
  fullName: string;
  hostedBuyer: boolean;
}

export interface RegisterParticipantRequest {
  /** a member of the caller's own buyer company (the caller by default) */
  userId?: string;
}

export interface SetHostedBuyerRequest {
  hostedBuyer: boolean;
}

/** Pushed on `meeting:changed` whenever a meeting changes; clients refetch what they show. */
export interface MeetingChangedEvent {
  meetingId: string;
  fairId: string;
  status: MeetingStatus;
  sequence: number;
}
