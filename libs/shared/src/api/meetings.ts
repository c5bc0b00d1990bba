/**
 * B2B meetings between an attending buyer person and an attending exhibitor person at a fair.
 *
 * Routes (all under /api; B = buyer, E = exhibitor, O = organizer/organizer_staff; "party" = a member of the
 * buyer or exhibitor company of the meeting; everyone else gets 403/404):
 *
 * | method | path                                        | roles   | body                       | response            |
 * |--------|---------------------------------------------|---------|----------------------------|---------------------|
 * | GET    | /fairs/:fairId/meeting-slots                | any     | –                          | FairSlot[]          |
 * | GET    | /fairs/:fairId/participants?q=&hosted=&page= | O      | –                          | Page<FairParticipant> (registered buyer people) |
 * | GET    | /fairs/:fairId/attendees?companyId=         | B, E    | –                          | FairAttendee[] (people of the OTHER side) |
 * | GET    | /fairs/:fairId/people/:userId/slots         | B, E    | –                          | PersonSlot[] (free/busy, never with whom) |
 * | GET    | /fairs/:fairId/availability                 | B, E    | –                          | Availability (the caller's own) |
 * | PUT    | /fairs/:fairId/availability                 | B, E    | SetAvailabilityRequest     | Availability        |
 * | POST   | /fairs/:fairId/meetings                     | B, E    | CreateMeetingRequest       | MeetingDetail (201) |
 * | GET    | /fairs/:fairId/meetings/mine                | B, E    | –                          | MeetingDetail[]     |
 * | GET    | /meetings/:id                               | party, O| –                          | MeetingDetail       |
 * | PATCH  | /meetings/:id                               | B, E (requester, pending, other side awaited) | UpdateMeetingRequest | MeetingDetail |
 * | POST   | /meetings/:id/accept                        | B, E (awaited side) | AcceptMeetingRequest | MeetingDetail |
 * | POST   | /meetings/:id/decline                       | B, E (awaited side) | DeclineMeetingRequest | MeetingDetail |
 * | POST   | /meetings/:id/counter                       | B, E (awaited side) | CounterMeetingRequest | MeetingDetail |
 * | POST   | /meetings/:id/cancel                        | B, E (party; pending only by requester) | CancelMeetingRequest | MeetingDetail |
 * | POST   | /meetings/:id/reschedule                    | B, E (party, accepted) | RescheduleMeetingRequest | MeetingDetail |
 * | POST   | /meetings/:id/reschedule/accept             | B, E (awaited side) | AcceptRescheduleRequest | MeetingDetail |
 * | POST   | /meetings/:id/reschedule/decline            | B, E (awaited side) | –                    | MeetingDetail       |
 *
 * All POST answers are 200 except creation (201). Errors: 409 INVALID_MEETING_TRANSITION (wrong state or not
 * your turn), 409 SLOT_TAKEN (overlap), 409 SLOT_UNAVAILABLE (a person blocked that slot), 409 SLOT_STARTED,
 * 409 SLOT_NOT_PROPOSED, 409 MEETING_EXPIRED, 409 NOT_ATTENDING, 409 REQUEST_LIMIT, 422 VALIDATION_FAILED.
 * Every change bumps `sequence` and pushes `meeting:changed` (MeetingChangedEvent) to both people and the
 * interpreter, plus a stored notification / e-mail of the matching `meeting.*` type.
 */

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

/** Another round of 1–3 slots from the side that was asked (the other side is then awaited). */
export interface CounterMeetingRequest {
  slots: string[];
  message?: string;
}

/** The requester changes a pending request while the other side has not answered yet; each field optional. */
export interface UpdateMeetingRequest {
  slots?: string[];
  message?: string;
  /** null removes the interpreter request */
  interpreterLanguage?: string | null;
}

/** Either party proposes 1–3 new slots for an accepted meeting; it keeps its time until one is accepted. */
export interface RescheduleMeetingRequest {
  slots: string[];
  message?: string;
}

export interface AcceptRescheduleRequest {
  slotStart: string;
}

/** A pending proposal to move an accepted meeting. */
export interface MeetingReschedule {
  proposals: FairSlot[];
  proposedBy: 'buyer' | 'exhibitor';
  expiresAt: string;
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
  /** the slots of the latest request/counter round */
  proposals: FairSlot[];
  /** who must answer now: a pending request's receiver, or the receiver of a pending reschedule; else null */
  awaiting: 'buyer' | 'exhibitor' | null;
  /** a pending reschedule proposal of an accepted meeting */
  reschedule: MeetingReschedule | null;
  /** the exhibitor's booth at the fair (the default place) */
  boothCode: string | null;
  hallName: string | null;
  /** the B2B table, when place is 'table' */
  tableCode: string | null;
  interpreterName: string | null;
  checkedInAt: string | null;
  /** the fair's IANA time zone, e.g. "Asia/Ho_Chi_Minh" */
  timeZone: string;
  fairName: { vi: string; en: string };
  createdAt: string;
  updatedAt: string;
}

/** An attending person of the other side whom the caller may ask for a meeting. */
export interface FairAttendee {
  userId: string;
  fullName: string;
  companyId: string;
  companyName: string;
  /** ISO 3166-1 alpha-2, or null */
  countryCode: string | null;
  side: 'buyer' | 'exhibitor';
  /** the exhibitor company's booth at the fair; null for buyers */
  boothCode: string | null;
  hallName: string | null;
}

/** A fair slot as seen for one person: free unless blocked by them or taken by an accepted meeting. */
export interface PersonSlot extends FairSlot {
  free: boolean;
}

/** The slots the caller marked as not available (their starts, ISO 8601). */
export interface Availability {
  fairId: string;
  blocked: string[];
}

/** Replaces the caller's whole blocked set; each entry must be a slot start of the fair. */
export interface SetAvailabilityRequest {
  blocked: string[];
}

/** A buyer company's staff member attending a fair. */
export interface FairParticipant {
  fairId: string;
  companyId: string;
  companyName: string;
  /** ISO 3166-1 alpha-2 of the buyer company, when known */
  countryCode: string | null;
  userId: string;
  fullName: string;
  hostedBuyer: boolean;
}

/** `GET /fairs/:fairId/participants` (organizer's team): the registered buyer people of a fair. */
export interface FairParticipantQuery {
  /** part of a person's or company's name */
  q?: string;
  hosted?: boolean;
  page?: number;
  pageSize?: number;
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
