import type { EntityManager } from 'typeorm';
import { SCHEDULE_WEIGHTS, type FairSlot, type ScheduleTablePolicy } from '@craftmatch/shared';
import { fairSlots, localToUtc } from '../meetings';
import type {
  EngineHall,
  EngineInterpreter,
  EngineLockedMeeting,
  EnginePair,
  EnginePerson,
  ScheduleInput,
} from './engine/types';

/** The organizer's settings of a fair, defaults filled in. */
export interface ScheduleSettingsRow {
  maxMeetingsPerDay: number;
  lunchStart: string | null;
  lunchEnd: string | null;
  tablePolicy: ScheduleTablePolicy;
  tableHallId: string | null;
}

/** What a pair means in the database. */
export interface PairFacts {
  buyerCompanyId: string;
  exhibitorCompanyId: string;
  buyerUserId: string;
  exhibitorUserId: string;
  weight: number;
  interpreterLanguage: string | null;
}

/** A planned entry kept from the previous draft (fill mode). */
export interface KeptEntry {
  buyerCompanyId: string;
  exhibitorCompanyId: string;
  buyerUserId: string;
  exhibitorUserId: string;
  start: Date;
  end: Date;
  tableId: string | null;
  hallId: string | null;
  interpreterUserId: string | null;
}

export interface LoadedInput {
  input: ScheduleInput;
  slots: FairSlot[];
  pairs: Map<string, PairFacts>;
  /** tables of each hall, in code order */
  tables: Map<string, string[]>;
  /** table ids taken in each slot by existing meetings and kept entries */
  takenTables: Map<number, Set<string>>;
  lockedCount: number;
}

interface FairRow {
  time_zone: string;
  slot_minutes: number;
  buffer_minutes: number;
}

const HHMM = (t: string | null) => (t ? t.slice(0, 5) : null);

export async function loadSettings(manager: EntityManager, fairId: string): Promise<ScheduleSettingsRow> {
  const [row] = await manager.query(
    `SELECT max_meetings_per_day, lunch_start::text, lunch_end::text, table_policy, table_hall_id
       FROM fair_schedule_settings WHERE fair_id = $1`,
    [fairId],
  );
  return {
    maxMeetingsPerDay: row?.max_meetings_per_day ?? 8,
    lunchStart: HHMM(row?.lunch_start ?? null),
    lunchEnd: HHMM(row?.lunch_end ?? null),
    tablePolicy: row?.table_policy ?? 'auto',
    tableHallId: row?.table_hall_id ?? null,
  };
}

/** Weight of a pair from both sides' wishes; 0 = not scheduled. */
export function pairWeight(buyer: string | null, exhibitor: string | null): number {
  if (buyer === 'no_thanks' || exhibitor === 'no_thanks') return 0;
  if (buyer === 'must' && exhibitor === 'must') return SCHEDULE_WEIGHTS.mustMust;
  if ((buyer === 'must' && exhibitor === 'would') || (buyer === 'would' && exhibitor === 'must'))
    return SCHEDULE_WEIGHTS.mustWould;
  if (buyer === 'would' && exhibitor === 'would') return SCHEDULE_WEIGHTS.wouldWould;
  if (buyer === 'must' || exhibitor === 'must') return SCHEDULE_WEIGHTS.mustOnly;
  return 0;
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) =>
  aStart < bEnd && bStart < aEnd;

/**
 * The fair as the engine sees it.
 *
 * - Slots: the meetings module's slots of the fair (days, hours, slot length, buffer). Slots that have
 *   already started are nobody's availability.
 * - People: for each buyer company, its first registered participant at the fair (registration time,
 *   then user id); for each exhibitor company with an approved booth, its owner (the first owner by
 *   membership time, then user id; a staff member only when it has no owner). A person is available in
 *   every slot except those they blocked, the lunch break and slots overlapping a meeting of theirs that
 *   does not sit on a slot. Languages: the buyer company's profile languages (English when none), the
 *   exhibitor company's profile languages plus Vietnamese (Vietnamese and English when the profile
 *   names none: exporters at these fairs deal in English).
 * - Locked: every accepted or held meeting of the fair (on the slot it overlaps first), and in fill
 *   mode the kept draft entries.
 * - Pairs: buyer/exhibitor company pairs whose wishes weigh more than 0, minus pairs that already have
 *   an accepted, held or no-show meeting, minus kept entries. An interpreter is needed when the two
 *   people share no language: the first buyer language an interpreter of the fair speaks (else the
 *   buyer's first language).
 * - Tables: with policy 'auto', a pair meets at a table of the settings' hall (default: the hall with
 *   the most tables) when the buyer person is a hosted buyer or the exhibitor's booth is not placed in a
 *   hall; 'all' puts every pair at a table; 'none' none. A fair without any table meets at booths.
 */
export async function loadScheduleInput(
  manager: EntityManager,
  fairId: string,
  now: Date,
  kept: KeptEntry[],
): Promise<LoadedInput> {
  const [fair]: FairRow[] = await manager.query(
    `SELECT time_zone, slot_minutes, buffer_minutes FROM fairs WHERE id = $1`,
    [fairId],
  );
  const settings = await loadSettings(manager, fairId);
  const days: { day: string; opens_at: string; closes_at: string }[] = await manager.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, opens_at::text, closes_at::text FROM fair_days
      WHERE fair_id = $1 ORDER BY day`,
    [fairId],
  );
  const slots = fairSlots(
    days.map((d) => ({ day: d.day, opensAt: d.opens_at, closesAt: d.closes_at })),
    { slotMinutes: fair.slot_minutes, bufferMinutes: fair.buffer_minutes, timeZone: fair.time_zone },
  );
  const slotTimes = slots.map((s) => [Date.parse(s.start), Date.parse(s.end)] as const);
  // day index and ordinal: slots come in day order
  const engineSlots: ScheduleInput['slots'] = [];
  {
    const dayBounds = days.map((d) => [
      localToUtc(d.day, d.opens_at, fair.time_zone).getTime(),
      localToUtc(d.day, d.closes_at, fair.time_zone).getTime(),
    ]);
    let ordinal = 0;
    let lastDay = -1;
    for (const [start] of slotTimes) {
      const day = dayBounds.findIndex(([open, close]) => start >= open && start < close);
      if (day !== lastDay) ordinal = 0;
      engineSlots.push({ day, ordinal: ordinal++ });
      lastDay = day;
    }
  }
  const slotsOverlapping = (start: number, end: number): number[] => {
    const out: number[] = [];
    slotTimes.forEach(([s, e], i) => {
      if (overlaps(s, e, start, end)) out.push(i);
    });
    return out;
  };

  // slots nobody can use: already started, or during lunch
  const closed = new Set<number>();
  slotTimes.forEach(([s], i) => {
    if (s <= now.getTime()) closed.add(i);
  });
  if (settings.lunchStart && settings.lunchEnd) {
    for (const d of days) {
      const from = localToUtc(d.day, settings.lunchStart, fair.time_zone).getTime();
      const to = localToUtc(d.day, settings.lunchEnd, fair.time_zone).getTime();
      for (const i of slotsOverlapping(from, to)) closed.add(i);
    }
  }

  // ---- people
  const buyers: { company_id: string; user_id: string; hosted_buyer: boolean; languages: string[] | null }[] =
    await manager.query(
      `SELECT DISTINCT ON (p.company_id) p.company_id, p.user_id, p.hosted_buyer, bp.languages
         FROM fair_participants p
         JOIN companies c ON c.id = p.company_id AND c.kind = 'buyer' AND c.status = 'approved'
         LEFT JOIN buyer_profiles bp ON bp.company_id = p.company_id
        WHERE p.fair_id = $1
        ORDER BY p.company_id, p.created_at, p.user_id`,
      [fairId],
    );
  const exhibitors: { company_id: string; user_id: string; placed: boolean; languages: string[] | null }[] =
    await manager.query(
      `SELECT DISTINCT ON (b.company_id) b.company_id, cm.user_id, (b.hall_id IS NOT NULL) AS placed, ep.languages
         FROM booths b
         JOIN companies c ON c.id = b.company_id AND c.kind = 'exhibitor' AND c.status = 'approved'
         JOIN company_memberships cm ON cm.company_id = b.company_id
         LEFT JOIN exhibitor_profiles ep ON ep.company_id = b.company_id
        WHERE b.fair_id = $1 AND b.status = 'approved'
        ORDER BY b.company_id, (cm.role = 'owner') DESC, cm.created_at, cm.user_id`,
      [fairId],
    );
  const buyerOf = new Map(buyers.map((b) => [b.company_id, b]));
  const exhibitorOf = new Map(exhibitors.map((e) => [e.company_id, e]));

  const people = new Map<string, EnginePerson>();
  const unavailable = new Map<string, Set<number>>();
  const person = (id: string, side: 'buyer' | 'exhibitor', languages: string[]): EnginePerson => {
    let p = people.get(id);
    if (!p) {
      p = { id, side, available: [], languages };
      people.set(id, p);
      unavailable.set(id, new Set(closed));
    }
    return p;
  };
  for (const b of buyers) {
    person(b.user_id, 'buyer', b.languages?.length ? b.languages.map((l) => l.toLowerCase()) : ['en']);
  }
  for (const e of exhibitors) {
    const own = (e.languages ?? []).map((l) => l.toLowerCase());
    person(e.user_id, 'exhibitor', [...new Set(['vi', ...(own.length ? own : ['en'])])]);
  }

  // blocked slots of everybody involved
  const blocked: { user_id: string; lo: Date; hi: Date }[] = await manager.query(
    `SELECT user_id, lower(slot) AS lo, upper(slot) AS hi FROM attendee_blocked_slots WHERE fair_id = $1`,
    [fairId],
  );
  for (const b of blocked) {
    const set = unavailable.get(b.user_id);
    if (set) for (const i of slotsOverlapping(b.lo.getTime(), b.hi.getTime())) set.add(i);
  }

  // ---- halls and tables
  const tableRows: { id: string; hall_id: string }[] = await manager.query(
    `SELECT t.id, t.hall_id FROM b2b_tables t JOIN halls h ON h.id = t.hall_id
      WHERE t.fair_id = $1 ORDER BY h.code, t.code`,
    [fairId],
  );
  const tables = new Map<string, string[]>();
  const hallOfTable = new Map<string, string>();
  for (const t of tableRows) {
    tables.set(t.hall_id, [...(tables.get(t.hall_id) ?? []), t.id]);
    hallOfTable.set(t.id, t.hall_id);
  }
  const halls: EngineHall[] = [...tables].map(([id, list]) => ({ id, tables: list.length }));
  // the chosen hall when it has tables, else (no choice) the hall with the most tables
  let tableHall: string | null = null;
  if (settings.tableHallId) tableHall = tables.has(settings.tableHallId) ? settings.tableHallId : null;
  else for (const h of halls) if (!tableHall || h.tables > tables.get(tableHall)!.length) tableHall = h.id;
  const takenTables = new Map<number, Set<string>>();
  const takeTable = (slot: number, tableId: string) => {
    let set = takenTables.get(slot);
    if (!set) takenTables.set(slot, (set = new Set()));
    set.add(tableId);
  };

  // ---- interpreters: those with a shift at the fair; available in slots inside a shift
  const interpreterRows: { user_id: string; languages: string[]; lo: Date; hi: Date }[] = await manager.query(
    `SELECT s.user_id, coalesce(ip.languages, '{}') AS languages, lower(s.shift) AS lo, upper(s.shift) AS hi
       FROM interpreter_shifts s
       JOIN users u ON u.id = s.user_id AND u.role = 'interpreter'
       LEFT JOIN interpreter_profiles ip ON ip.user_id = s.user_id
      WHERE s.fair_id = $1
      ORDER BY s.user_id, lower(s.shift)`,
    [fairId],
  );
  const interpreters = new Map<string, EngineInterpreter>();
  for (const r of interpreterRows) {
    let it = interpreters.get(r.user_id);
    if (!it) {
      it = { id: r.user_id, languages: r.languages.map((l) => l.toLowerCase()), available: [] };
      interpreters.set(r.user_id, it);
    }
    slotTimes.forEach(([s, e], i) => {
      if (s >= r.lo.getTime() && e <= r.hi.getTime() && !closed.has(i)) it.available.push(i);
    });
  }
  const interpreterBusy = new Map<string, Set<number>>();

  // ---- locked: existing accepted/held meetings
  const locked: EngineLockedMeeting[] = [];
  const existing: {
    buyer_user_id: string;
    exhibitor_user_id: string;
    interpreter_user_id: string | null;
    table_id: string | null;
    lo: Date;
    hi: Date;
  }[] = await manager.query(
    `SELECT buyer_user_id, exhibitor_user_id, interpreter_user_id, table_id, lower(time_range) AS lo,
            upper(time_range) AS hi
       FROM meetings WHERE fair_id = $1 AND status IN ('accepted','held')
      ORDER BY lower(time_range), id`,
    [fairId],
  );
  const lockRange = (
    buyerId: string,
    exhibitorId: string,
    interpreterId: string | null,
    tableId: string | null,
    lo: number,
    hi: number,
  ): boolean => {
    const covered = slotsOverlapping(lo, hi);
    if (!covered.length) return false;
    person(buyerId, 'buyer', ['en']);
    person(exhibitorId, 'exhibitor', ['vi']);
    if (interpreterId && !interpreters.has(interpreterId))
      interpreters.set(interpreterId, { id: interpreterId, languages: [], available: [] });
    const hallId = tableId ? (hallOfTable.get(tableId) ?? null) : null;
    locked.push({ buyerId, exhibitorId, slot: covered[0], interpreterId, hallId });
    for (const i of covered) {
      if (tableId) takeTable(i, tableId);
      if (interpreterId) {
        let set = interpreterBusy.get(interpreterId);
        if (!set) interpreterBusy.set(interpreterId, (set = new Set()));
        if (i !== covered[0]) set.add(i);
      }
    }
    // the further slots a long meeting covers are simply not available
    for (const i of covered.slice(1)) {
      unavailable.get(buyerId)!.add(i);
      unavailable.get(exhibitorId)!.add(i);
    }
    return true;
  };
  let lockedCount = 0;
  for (const m of existing) {
    if (
      lockRange(
        m.buyer_user_id,
        m.exhibitor_user_id,
        m.interpreter_user_id,
        m.table_id,
        m.lo.getTime(),
        m.hi.getTime(),
      )
    )
      lockedCount++;
  }
  for (const k of kept) {
    lockRange(
      k.buyerUserId,
      k.exhibitorUserId,
      k.interpreterUserId,
      k.tableId,
      k.start.getTime(),
      k.end.getTime(),
    );
  }

  // ---- pairs
  const wishes: {
    buyer_company_id: string;
    exhibitor_company_id: string;
    buyer_level: string | null;
    exhibitor_level: string | null;
  }[] = await manager.query(
    `WITH w AS (
       SELECT CASE WHEN fc.kind = 'buyer' THEN w.from_company_id ELSE w.to_company_id END AS buyer_company_id,
              CASE WHEN fc.kind = 'buyer' THEN w.to_company_id ELSE w.from_company_id END AS exhibitor_company_id,
              fc.kind AS from_kind, w.level
         FROM fair_wishes w
         JOIN companies fc ON fc.id = w.from_company_id
         JOIN companies tc ON tc.id = w.to_company_id AND tc.kind <> fc.kind
        WHERE w.fair_id = $1)
     SELECT buyer_company_id, exhibitor_company_id,
            max(level) FILTER (WHERE from_kind = 'buyer') AS buyer_level,
            max(level) FILTER (WHERE from_kind = 'exhibitor') AS exhibitor_level
       FROM w
      WHERE NOT EXISTS (
              SELECT 1 FROM meetings m
               WHERE m.fair_id = $1 AND m.buyer_company_id = w.buyer_company_id
                 AND m.exhibitor_company_id = w.exhibitor_company_id AND m.status IN ('accepted','held','no_show'))
      GROUP BY buyer_company_id, exhibitor_company_id
      ORDER BY buyer_company_id, exhibitor_company_id`,
    [fairId],
  );
  const keptPairs = new Set(kept.map((k) => `${k.buyerCompanyId}:${k.exhibitorCompanyId}`));
  const interpreterLanguages = new Set([...interpreters.values()].flatMap((i) => i.languages));
  const pairs = new Map<string, PairFacts>();
  const enginePairs: EnginePair[] = [];
  for (const w of wishes) {
    const weight = pairWeight(w.buyer_level, w.exhibitor_level);
    const id = `${w.buyer_company_id}:${w.exhibitor_company_id}`;
    const b = buyerOf.get(w.buyer_company_id);
    const e = exhibitorOf.get(w.exhibitor_company_id);
    if (!weight || !b || !e || keptPairs.has(id)) continue;
    const bp = people.get(b.user_id)!;
    const ep = people.get(e.user_id)!;
    let interpreterLanguage: string | null = null;
    if (!bp.languages.some((l) => ep.languages.includes(l))) {
      interpreterLanguage = bp.languages.find((l) => interpreterLanguages.has(l)) ?? bp.languages[0];
    }
    const atTable =
      settings.tablePolicy === 'all' || (settings.tablePolicy === 'auto' && (b.hosted_buyer || !e.placed));
    const hallId = atTable ? tableHall : null;
    pairs.set(id, {
      buyerCompanyId: w.buyer_company_id,
      exhibitorCompanyId: w.exhibitor_company_id,
      buyerUserId: b.user_id,
      exhibitorUserId: e.user_id,
      weight,
      interpreterLanguage,
    });
    enginePairs.push({
      id,
      buyerId: b.user_id,
      exhibitorId: e.user_id,
      weight,
      interpreterLanguage,
      hallId,
    });
  }

  for (const p of people.values()) {
    const off = unavailable.get(p.id)!;
    p.available = slots.map((_, i) => i).filter((i) => !off.has(i));
  }
  for (const it of interpreters.values()) {
    const busy = interpreterBusy.get(it.id);
    if (busy) it.available = it.available.filter((i) => !busy.has(i));
  }

  return {
    input: {
      slots: engineSlots,
      people: [...people.values()],
      interpreters: [...interpreters.values()],
      halls,
      pairs: enginePairs,
      locked,
      maxMeetingsPerPersonPerDay: settings.maxMeetingsPerDay,
    },
    slots,
    pairs,
    tables,
    takenTables,
    lockedCount,
  };
}
