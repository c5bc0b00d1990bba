import type { SpokenLanguage } from './exhibitors';
import type { MeetingParty, MeetingStatus } from './meetings';

/** A period an interpreter works at a fair, as UTC instants (ISO 8601), end exclusive. */
export interface InterpreterShift {
  start: string;
  end: string;
}

export const INTERPRETER_MAX_SHIFTS = 100;

/** A user with the role 'interpreter' (invited by the organizer), as seen for one fair. */
export interface FairInterpreter {
  userId: string;
  fullName: string;
  email: string;
  /** ISO 639-1 languages they interpret (besides Vietnamese) */
  languages: SpokenLanguage[];
  /** their shifts at this fair; empty when not registered for it */
  shifts: InterpreterShift[];
  /** accepted or held meetings assigned to them at this fair */
  assignedMeetings: number;
}

/** PUT /fairs/:fairId/interpreters/:userId — replaces their languages and their shifts at this fair. */
export interface RegisterInterpreterRequest {
  languages: SpokenLanguage[];
  shifts: InterpreterShift[];
}

/** POST /meetings/:id/interpreter */
export interface AssignInterpreterRequest {
  userId: string;
}

/** GET /fairs/:fairId/interpreters/waiting-meetings: accepted or held meetings still without their interpreter. */
export interface MeetingAwaitingInterpreter {
  meetingId: string;
  fairId: string;
  status: MeetingStatus;
  start: string;
  end: string;
  language: string;
  buyer: MeetingParty;
  exhibitor: MeetingParty;
  /** interpreters who speak the language, work that slot and are free then */
  candidates: { userId: string; fullName: string }[];
}

/** Answer of POST /meetings/:id/interpreter (DELETE answers 204). */
export interface MeetingInterpreter {
  meetingId: string;
  interpreterUserId: string | null;
  interpreterName: string | null;
  /** the meeting's sequence after the change */
  sequence: number;
}

/** GET /interpreters/me: an interpreter's languages and the fairs they work at, to open each fair's agenda. */
export interface InterpreterSelf {
  userId: string;
  languages: SpokenLanguage[];
  fairs: {
    fairId: string;
    fairNameVi: string;
    fairNameEn: string;
    timeZone: string;
    shifts: InterpreterShift[];
  }[];
}
