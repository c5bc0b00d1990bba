import type { UserRole } from '../roles';
import type { FairSlot, MeetingParty, MeetingPlaceKind, MeetingStatus } from './meetings';

/** The caller's part in an agenda meeting. */
export type AgendaRole = 'buyer' | 'exhibitor' | 'interpreter';

export interface AgendaMeeting {
  id: string;
  status: MeetingStatus;
  /** UTC instants (ISO 8601); show them in `Agenda.timeZone` and in the viewer's own zone */
  start: string;
  end: string;
  sequence: number;
  role: AgendaRole;
  buyer: MeetingParty;
  exhibitor: MeetingParty;
  /** the party the viewer meets (for an interpreter: null, they meet both) */
  otherParty: MeetingParty | null;
  place: MeetingPlaceKind;
  /** the exhibitor's booth at this fair (where a 'booth' meeting takes place) */
  booth: { code: string; hallName: string | null } | null;
  /** B2B table, when place is 'table' */
  table: { id: string; code: string; hallName: string | null } | null;
  videoUrl: string | null;
  interpreterLanguage: string | null;
  interpreter: { userId: string; fullName: string } | null;
}

export interface AgendaDay {
  /** YYYY-MM-DD in the fair's time zone */
  date: string;
  /** HH:MM opening hours in the fair's time zone, null for a day without fair hours */
  opensAt: string | null;
  closesAt: string | null;
  meetings: AgendaMeeting[];
}

/** GET /fairs/:fairId/agenda[?userId=]: one person's scheduled meetings at a fair, by day. */
export interface Agenda {
  fairId: string;
  fairNameVi: string;
  fairNameEn: string;
  /** IANA zone of the fair, e.g. Asia/Ho_Chi_Minh */
  timeZone: string;
  person: { userId: string; fullName: string; role: UserRole; locale: string };
  /** every fair day (with or without meetings), in order; meetings in time order */
  days: AgendaDay[];
  /** slots the person blocked as unavailable, when the fair records them */
  blocked: FairSlot[];
}

/** GET /calendar/feed-token: whether a feed link exists (the secret itself is only shown when made). */
export interface CalendarFeedTokenStatus {
  active: boolean;
  createdAt: string | null;
}

/** POST /calendar/feed-token: a new secret feed link; any older link stops working. */
export interface CalendarFeedToken {
  /** absolute https URL ending in .ics, to subscribe to in a calendar app */
  url: string;
  /** webcal:// form of the same URL */
  webcalUrl: string;
  createdAt: string;
}
