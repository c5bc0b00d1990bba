import type { ScheduleInput } from './types';

/**
 * Dense, index-based view of a ScheduleInput shared by the scheduler and the bound: people,
 * interpreters, halls and languages become small integers, availability becomes flat typed
 * arrays (row = entity, column = slot), and locked meetings are already subtracted
 * (they occupy people, interpreters and tables and count toward the per-day cap).
 */
export interface Model {
  S: number; // slots
  D: number; // days (dense 0..D-1)
  P: number; // people
  I: number; // interpreters
  H: number; // halls
  L: number; // languages that some pair needs
  dayOf: Int32Array; // slot -> dense day
  cap: number; // max meetings per person per day
  /** person x slot: 1 when available and not taken by a locked meeting */
  free: Uint8Array;
  /** person x slot: 1 when a locked meeting occupies it */
  lockedAt: Uint8Array;
  /** person x day: locked meetings that day */
  lockedPerDay: Int32Array;
  /** interpreter x slot: 1 when available and not taken by a locked meeting */
  interpFree: Uint8Array;
  /** interpreter x language: 1 when covering */
  interpLang: Uint8Array;
  /** language -> interpreters covering it, least versatile first */
  interpsByLang: Int32Array[];
  /** hall x slot: tables left after locked meetings */
  tablesLeft: Int32Array;
  hallTables: Int32Array;
  /** pairs the engine has to consider (not realised by a locked meeting) */
  pairIdx: Int32Array; // position in input.pairs
  pb: Int32Array; // buyer person index, -1 when unknown
  px: Int32Array; // exhibitor person index, -1 when unknown
  pw: Float64Array; // weight
  pl: Int32Array; // language index or -1
  ph: Int32Array; // hall index or -1 (unknown hall: -2)
}

export function buildModel(input: ScheduleInput): Model {
  const S = input.slots.length;
  const dayIds = [...new Set(input.slots.map((s) => s.day))].sort((a, b) => a - b);
  const dayIndex = new Map(dayIds.map((d, i) => [d, i]));
  const D = dayIds.length;
  const dayOf = new Int32Array(S);
  input.slots.forEach((s, i) => (dayOf[i] = dayIndex.get(s.day)!));

  const personIndex = new Map<string, number>();
  input.people.forEach((p, i) => personIndex.set(p.id, i));
  const P = input.people.length;
  const free = new Uint8Array(P * S);
  input.people.forEach((p, i) => {
    for (const s of p.available) if (Number.isInteger(s) && s >= 0 && s < S) free[i * S + s] = 1;
  });

  const langIndex = new Map<string, number>();
  for (const pair of input.pairs)
    if (pair.interpreterLanguage !== null && !langIndex.has(pair.interpreterLanguage))
      langIndex.set(pair.interpreterLanguage, langIndex.size);
  const L = langIndex.size;

  const I = input.interpreters.length;
  const interpIndex = new Map<string, number>();
  const interpFree = new Uint8Array(I * S);
  const interpLang = new Uint8Array(I * Math.max(L, 1));
  const versatility = new Int32Array(I);
  input.interpreters.forEach((it, i) => {
    interpIndex.set(it.id, i);
    for (const s of it.available) if (Number.isInteger(s) && s >= 0 && s < S) interpFree[i * S + s] = 1;
    for (const lang of new Set(it.languages)) {
      const l = langIndex.get(lang);
      if (l !== undefined) {
        interpLang[i * L + l] = 1;
        versatility[i]++;
      }
    }
  });
  const interpsByLang: Int32Array[] = [];
  for (let l = 0; l < L; l++) {
    const list: number[] = [];
    for (let i = 0; i < I; i++) if (interpLang[i * L + l]) list.push(i);
    list.sort((a, b) => versatility[a] - versatility[b] || a - b);
    interpsByLang.push(Int32Array.from(list));
  }

  const H = input.halls.length;
  const hallIndex = new Map<string, number>();
  const hallTables = new Int32Array(H);
  const tablesLeft = new Int32Array(H * S);
  input.halls.forEach((h, i) => {
    hallIndex.set(h.id, i);
    hallTables[i] = Math.max(0, Math.floor(h.tables));
    tablesLeft.fill(hallTables[i], i * S, (i + 1) * S);
  });

  const lockedPerDay = new Int32Array(P * D);
  const lockedAt = new Uint8Array(P * S);
  const realised = new Set<string>();
  const metPersons = new Set<string>();
  for (const m of input.locked) {
    if (m.pairId !== undefined) realised.add(m.pairId);
    metPersons.add(`${m.buyerId}\u0000${m.exhibitorId}`);
    if (!(m.slot >= 0 && m.slot < S)) continue;
    for (const id of [m.buyerId, m.exhibitorId]) {
      const p = personIndex.get(id);
      if (p === undefined) continue;
      free[p * S + m.slot] = 0;
      lockedAt[p * S + m.slot] = 1;
      lockedPerDay[p * D + dayOf[m.slot]]++;
    }
    if (m.interpreterId !== null) {
      const i = interpIndex.get(m.interpreterId);
      if (i !== undefined) interpFree[i * S + m.slot] = 0;
    }
    if (m.hallId !== null) {
      const h = hallIndex.get(m.hallId);
      if (h !== undefined) tablesLeft[h * S + m.slot]--;
    }
  }

  const kept: number[] = [];
  const seen = new Set<string>();
  input.pairs.forEach((pair, i) => {
    if (realised.has(pair.id) || seen.has(pair.id)) return;
    if (metPersons.has(`${pair.buyerId}\u0000${pair.exhibitorId}`)) return;
    seen.add(pair.id);
    kept.push(i);
  });
  const n = kept.length;
  const pairIdx = Int32Array.from(kept);
  const pb = new Int32Array(n);
  const px = new Int32Array(n);
  const pw = new Float64Array(n);
  const pl = new Int32Array(n);
  const ph = new Int32Array(n);
  kept.forEach((orig, k) => {
    const pair = input.pairs[orig];
    const b = personIndex.get(pair.buyerId);
    const x = personIndex.get(pair.exhibitorId);
    pb[k] = b !== undefined && input.people[b].side === 'buyer' ? b : -1;
    px[k] = x !== undefined && input.people[x].side === 'exhibitor' ? x : -1;
    pw[k] = Number.isFinite(pair.weight) ? pair.weight : 0;
    pl[k] = pair.interpreterLanguage === null ? -1 : langIndex.get(pair.interpreterLanguage)!;
    ph[k] = pair.hallId === null ? -1 : (hallIndex.get(pair.hallId) ?? -2);
  });

  return {
    S,
    D,
    P,
    I,
    H,
    L,
    dayOf,
    cap: Math.max(0, Math.floor(input.maxMeetingsPerPersonPerDay)),
    free,
    lockedAt,
    lockedPerDay,
    interpFree,
    interpLang,
    interpsByLang,
    tablesLeft,
    hallTables,
    pairIdx,
    pb,
    px,
    pw,
    pl,
    ph,
  };
}

/** Slots in which each pair could meet if nobody else were scheduled (locked meetings respected). */
export function candidateSlots(m: Model): Int32Array[] {
  const { S, D } = m;
  const langAt = new Uint8Array(Math.max(1, m.L) * S);
  for (let l = 0; l < m.L; l++)
    for (const i of m.interpsByLang[l])
      for (let s = 0; s < S; s++) if (m.interpFree[i * S + s]) langAt[l * S + s] = 1;
  const buf = new Int32Array(S);
  const out: Int32Array[] = [];
  for (let k = 0; k < m.pb.length; k++) {
    const b = m.pb[k];
    const x = m.px[k];
    const h = m.ph[k];
    const l = m.pl[k];
    let c = 0;
    if (b >= 0 && x >= 0 && h !== -2)
      for (let s = 0; s < S; s++) {
        if (!m.free[b * S + s] || !m.free[x * S + s]) continue;
        const d = m.dayOf[s];
        if (m.lockedPerDay[b * D + d] >= m.cap || m.lockedPerDay[x * D + d] >= m.cap) continue;
        if (h >= 0 && m.tablesLeft[h * S + s] <= 0) continue;
        if (l >= 0 && !langAt[l * S + s]) continue;
        buf[c++] = s;
      }
    out.push(buf.slice(0, c));
  }
  return out;
}
