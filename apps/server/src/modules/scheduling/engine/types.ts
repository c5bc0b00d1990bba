export type Side = 'buyer' | 'exhibitor';
export type UnscheduledReason = 'no_common_slot' | 'no_interpreter' | 'no_table' | 'cap_reached';

/** Slots are the fair's bookable slots in time order; index = position in ScheduleInput.slots. */
export interface EngineSlot {
  day: number;
  /** position within the day, 0-based */
  ordinal: number;
}

export interface EnginePerson {
  id: string; // a person (user) id
  side: Side;
  /** slot indexes this person can meet in (availability, opening hours, lunch already removed; locked meetings NOT removed: the engine removes them) */
  available: number[];
  languages: string[]; // ISO 639-1
}
export interface EngineInterpreter {
  id: string;
  languages: string[];
  available: number[];
}
export interface EngineHall {
  id: string;
  tables: number;
}

export interface EnginePair {
  id: string; // stable id (e.g. `${buyerCompanyId}:${exhibitorCompanyId}`)
  buyerId: string; // EnginePerson id
  exhibitorId: string; // EnginePerson id
  weight: number; // priority: must+must 8, must+would 4, would+would 2, one-sided must 1 (service decides; engine maximises sum of weights)
  /** language an interpreter must cover, or null when the two share a language */
  interpreterLanguage: string | null;
  /** hall whose B2B tables the meeting uses, or null when it meets at the exhibitor's booth (no table used) */
  hallId: string | null;
}

export interface EngineLockedMeeting {
  buyerId: string;
  exhibitorId: string;
  slot: number;
  interpreterId: string | null;
  hallId: string | null;
  pairId?: string; // when it realises one of the pairs, that pair is already satisfied
}

export interface ScheduleInput {
  slots: EngineSlot[];
  people: EnginePerson[];
  interpreters: EngineInterpreter[];
  halls: EngineHall[];
  pairs: EnginePair[];
  locked: EngineLockedMeeting[]; // existing meetings and, in fill-free-slots mode, kept draft entries: never moved
  maxMeetingsPerPersonPerDay: number; // counts locked meetings too
  /** optional time budget for improvement phases */
  timeBudgetMs?: number;
  onProgress?: (fraction: number) => void;
}

export interface ScheduledMeeting {
  pairId: string;
  slot: number;
  interpreterId: string | null;
  hallId: string | null;
}
export interface UnscheduledPair {
  pairId: string;
  reason: UnscheduledReason;
}

export interface ScheduleResult {
  meetings: ScheduledMeeting[]; // new meetings only (locked ones are not repeated)
  unscheduled: UnscheduledPair[];
  scheduledWeight: number;
  bound: number; // upper bound on the weight ANY schedule could add (independent of the schedule found)
}

export interface Violation {
  kind: string;
  detail: string;
}
