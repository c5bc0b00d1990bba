import { boundOf } from './bound';
import { buildModel, candidateSlots, type Model } from './model';
import type {
  ScheduledMeeting,
  ScheduleInput,
  ScheduleResult,
  UnscheduledPair,
  UnscheduledReason,
} from './types';

/** Default time for the improvement phases (repair, then compaction); they stop earlier when done. */
const DEFAULT_BUDGET_MS = 1000;
/** Weight of one unit of "exhibitor meetings piled on one day" against one idle slot. */
const SPREAD = 0.5;

/**
 * Schedules the pairs: greedy by weight (scarcest first), then ejection-chain repair that only
 * accepts moves raising the total weight, then a compaction pass that moves meetings to cut idle
 * gaps and spread exhibitors' days without ever dropping one.
 */
export function schedule(input: ScheduleInput): ScheduleResult {
  const budget = input.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  const progress = (f: number) => input.onProgress?.(Math.min(1, Math.max(0, f)));
  progress(0);
  const m = buildModel(input);
  const cand = candidateSlots(m);
  const bound = boundOf(m, cand);
  progress(0.3);
  const st = new State(m, cand);
  const n = m.pb.length;

  // Greedy: heaviest first, then the pairs with the fewest possible slots.
  const order = Array.from({ length: n }, (_, k) => k).filter((k) => st.cand[k].length > 0);
  order.sort((a, b) => m.pw[b] - m.pw[a] || st.cand[a].length - st.cand[b].length || a - b);
  order.forEach((k, i) => {
    st.placeDirect(k, true);
    if ((i & 4095) === 4095) progress(0.3 + (0.2 * i) / order.length);
  });
  progress(0.5);

  // Repair: ejection chains for unscheduled pairs while they raise the weight.
  const improving = Date.now();
  const deadline = improving + budget * 0.75;
  for (let round = 0; round < 6 && Date.now() < deadline; round++) {
    let improved = false;
    const pending = order.filter((k) => st.slotOf[k] < 0);
    for (let i = 0; i < pending.length; i++) {
      if ((i & 63) === 0 && Date.now() >= deadline) break;
      const k = pending[i];
      if (st.slotOf[k] >= 0) continue;
      if (st.insert(k, 2)) improved = true;
    }
    progress(0.5 + 0.1 * (round + 1));
    if (!improved) break;
  }
  progress(0.85);

  // Compaction: fewer idle gaps, exhibitors spread over days; weight never changes.
  const scheduledOrder = order.filter((k) => st.slotOf[k] >= 0);
  const compactDeadline = Math.max(Date.now(), deadline) + budget * 0.25;
  for (let pass = 0; pass < 3 && (pass === 0 || Date.now() < compactDeadline); pass++) {
    let moved = 0;
    for (let i = 0; i < scheduledOrder.length; i++) {
      // The first pass always completes (cheap, and most of the gain); later ones only in budget.
      if (pass > 0 && (i & 255) === 0 && Date.now() >= compactDeadline) break;
      if (st.compact(scheduledOrder[i])) moved++;
    }
    if (moved === 0) break;
  }
  progress(0.95);

  const meetings: ScheduledMeeting[] = [];
  const unscheduled: UnscheduledPair[] = [];
  let scheduledWeight = 0;
  for (let k = 0; k < n; k++) {
    const pair = input.pairs[m.pairIdx[k]];
    const s = st.slotOf[k];
    if (s >= 0) {
      const i = st.interpOf[k];
      meetings.push({
        pairId: pair.id,
        slot: s,
        interpreterId: i >= 0 ? input.interpreters[i].id : null,
        hallId: pair.hallId,
      });
      scheduledWeight += m.pw[k];
    } else unscheduled.push({ pairId: pair.id, reason: st.reason(k) });
  }
  meetings.sort((a, b) => a.slot - b.slot || (a.pairId < b.pairId ? -1 : a.pairId > b.pairId ? 1 : 0));
  progress(1);
  return { meetings, unscheduled, scheduledWeight, bound: Math.max(bound, 0) };
}

const PLACE = 0;
const REMOVE = 1;

class State {
  readonly cand: Int32Array[];
  readonly slotOf: Int32Array;
  readonly interpOf: Int32Array;
  private readonly busy: Int32Array; // person x slot -> pair or -1
  private readonly dayCnt: Int32Array; // person x day, locked included
  private readonly hallUse: Int32Array; // hall x slot, new meetings
  private readonly ibusy: Int32Array; // interpreter x slot -> pair or -1
  private readonly pinned: Uint8Array;
  private readonly inHall: Set<number>[]; // hall x slot -> new meetings there
  private readonly capacity: Int32Array; // person -> most meetings possible
  private log: number[] = []; // undo log, four numbers per move: op, pair, slot, interpreter

  constructor(
    private readonly m: Model,
    cand: Int32Array[],
  ) {
    const n = m.pb.length;
    this.cand = cand;
    this.slotOf = new Int32Array(n).fill(-1);
    this.interpOf = new Int32Array(n).fill(-1);
    this.busy = new Int32Array(m.P * m.S).fill(-1);
    this.dayCnt = Int32Array.from(m.lockedPerDay);
    this.hallUse = new Int32Array(m.H * m.S);
    this.ibusy = new Int32Array(m.I * m.S).fill(-1);
    this.pinned = new Uint8Array(n);
    this.inHall = Array.from({ length: m.H * m.S }, () => new Set<number>());
    // Most meetings (locked included) a person can have: per day, free slots plus locked ones, capped.
    this.capacity = new Int32Array(m.P);
    const perDay = new Int32Array(m.D);
    for (let p = 0; p < m.P; p++) {
      perDay.fill(0);
      for (let s = 0; s < m.S; s++) if (m.free[p * m.S + s]) perDay[m.dayOf[s]]++;
      for (let d = 0; d < m.D; d++) {
        const locked = m.lockedPerDay[p * m.D + d];
        this.capacity[p] += Math.max(locked, Math.min(m.cap, locked + perDay[d]));
      }
    }
  }

  // ---- primitive moves, logged so that an attempt can be rolled back ----

  private place(k: number, s: number, i: number) {
    const { m } = this;
    const b = m.pb[k];
    const x = m.px[k];
    const d = m.dayOf[s];
    this.busy[b * m.S + s] = k;
    this.busy[x * m.S + s] = k;
    this.dayCnt[b * m.D + d]++;
    this.dayCnt[x * m.D + d]++;
    if (m.ph[k] >= 0) {
      this.hallUse[m.ph[k] * m.S + s]++;
      this.inHall[m.ph[k] * m.S + s].add(k);
    }
    if (i >= 0) this.ibusy[i * m.S + s] = k;
    this.slotOf[k] = s;
    this.interpOf[k] = i;
    this.log.push(PLACE, k, s, i);
  }

  private remove(k: number) {
    const { m } = this;
    const s = this.slotOf[k];
    const i = this.interpOf[k];
    const b = m.pb[k];
    const x = m.px[k];
    const d = m.dayOf[s];
    this.busy[b * m.S + s] = -1;
    this.busy[x * m.S + s] = -1;
    this.dayCnt[b * m.D + d]--;
    this.dayCnt[x * m.D + d]--;
    if (m.ph[k] >= 0) {
      this.hallUse[m.ph[k] * m.S + s]--;
      this.inHall[m.ph[k] * m.S + s].delete(k);
    }
    if (i >= 0) this.ibusy[i * m.S + s] = -1;
    this.slotOf[k] = -1;
    this.interpOf[k] = -1;
    this.log.push(REMOVE, k, s, i);
  }

  private checkpoint() {
    return this.log.length;
  }

  private rollback(cp: number) {
    const log = this.log;
    while (log.length > cp) {
      const i = log.pop()!;
      const s = log.pop()!;
      const k = log.pop()!;
      const op = log.pop()!;
      if (op === PLACE) {
        this.remove(k);
        log.length -= 4;
      } else {
        this.place(k, s, i);
        log.length -= 4;
      }
    }
  }

  private commit() {
    this.log = [];
  }

  // ---- feasibility ----

  /** Persons, day caps and tables allow pair k in slot s (interpreter not checked). */
  private roomFor(k: number, s: number): boolean {
    const { m } = this;
    const b = m.pb[k];
    const x = m.px[k];
    const d = m.dayOf[s];
    return (
      this.busy[b * m.S + s] === -1 &&
      this.busy[x * m.S + s] === -1 &&
      this.dayCnt[b * m.D + d] < m.cap &&
      this.dayCnt[x * m.D + d] < m.cap &&
      (m.ph[k] < 0 || this.hallUse[m.ph[k] * m.S + s] < m.tablesLeft[m.ph[k] * m.S + s])
    );
  }

  private freeInterpreter(l: number, s: number): number {
    const { m } = this;
    for (const i of m.interpsByLang[l])
      if (m.interpFree[i * m.S + s] && this.ibusy[i * m.S + s] === -1) return i;
    return -1;
  }

  /** Frees an interpreter of language l in slot s by handing a colleague's meeting over (logged). */
  private reassignFor(l: number, s: number): number {
    const { m } = this;
    for (const i of m.interpsByLang[l]) {
      if (!m.interpFree[i * m.S + s]) continue;
      const other = this.ibusy[i * m.S + s];
      if (other < 0 || this.pinned[other]) continue;
      const j = this.freeInterpreter(m.pl[other], s);
      if (j < 0) continue;
      this.remove(other);
      this.place(other, s, j);
      return i;
    }
    return -1;
  }

  /** Places k in slot s if possible right now (may re-hand an interpreter). */
  private tryAt(k: number, s: number, allowReassign: boolean): boolean {
    if (!this.roomFor(k, s)) return false;
    const l = this.m.pl[k];
    let i = -1;
    if (l >= 0) {
      i = this.freeInterpreter(l, s);
      if (i < 0 && allowReassign) i = this.reassignFor(l, s);
      if (i < 0) return false;
    }
    this.place(k, s, i);
    return true;
  }

  // ---- soft costs ----

  private occupied(p: number, s: number): boolean {
    return this.busy[p * this.m.S + s] !== -1 || this.m.lockedAt[p * this.m.S + s] === 1;
  }

  /** Greedy preference for slot s (lower is better): stick to existing meetings, spread exhibitors. */
  private slotScore(k: number, s: number): number {
    const { m } = this;
    const d = m.dayOf[s];
    let score = 0;
    for (const p of [m.pb[k], m.px[k]]) {
      if (this.dayCnt[p * m.D + d] === 0) continue;
      const adj =
        (s > 0 && m.dayOf[s - 1] === d && this.occupied(p, s - 1)) ||
        (s + 1 < m.S && m.dayOf[s + 1] === d && this.occupied(p, s + 1));
      if (!adj) score += 1;
    }
    score += SPREAD * 2 * this.dayCnt[m.px[k] * m.D + d];
    return score;
  }

  // ---- phases ----

  /** Best directly feasible slot for k (no one moves). */
  placeDirect(k: number, allowReassign: boolean): boolean {
    let best = -1;
    let bestScore = Infinity;
    for (const s of this.cand[k]) {
      if (!this.roomFor(k, s)) continue;
      const l = this.m.pl[k];
      if (l >= 0 && this.freeInterpreter(l, s) < 0) continue;
      const score = this.slotScore(k, s);
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best >= 0) return this.tryAt(k, best, false);
    if (allowReassign && this.m.pl[k] >= 0)
      for (const s of this.cand[k]) if (this.tryAt(k, s, true)) return true;
    return false;
  }

  /**
   * Schedules k, moving meetings out of its way (ejection chain up to `depth`), committing only
   * when the total weight rises: everything moved finds a new slot, or what is dropped weighs
   * less than k.
   */
  insert(k: number, depth: number): boolean {
    if (this.saturatedAbove(this.m.pb[k], k) || this.saturatedAbove(this.m.px[k], k)) return false;
    const cp = this.checkpoint();
    if (this.placeDirect(k, true)) {
      this.commit();
      return true;
    }
    this.rollback(cp);
    const gained = this.eject(k, depth, true);
    if (gained) this.commit();
    else this.rollback(cp);
    return gained;
  }

  private eject(k: number, depth: number, allowDrop: boolean): boolean {
    const { m } = this;
    const b = m.pb[k];
    const x = m.px[k];
    this.pinned[k] = 1;
    try {
      for (const s of this.cand[k]) {
        const cp = this.checkpoint();
        const blockers: number[] = [];
        const kb = this.busy[b * m.S + s];
        const kx = this.busy[x * m.S + s];
        if ((kb >= 0 && this.pinned[kb]) || (kx >= 0 && this.pinned[kx])) continue;
        if (kb >= 0) blockers.push(kb);
        if (kx >= 0 && kx !== kb) blockers.push(kx);
        for (const r of blockers) this.remove(r);
        // Day caps: move out one more of that person's meetings that day.
        const d = m.dayOf[s];
        let ok = true;
        for (const p of [b, x]) {
          if (this.dayCnt[p * m.D + d] < m.cap) continue;
          const r = this.lightestOnDay(p, d);
          if (r < 0) {
            ok = false;
            break;
          }
          blockers.push(r);
          this.remove(r);
        }
        if (ok && m.ph[k] >= 0 && !(this.hallUse[m.ph[k] * m.S + s] < m.tablesLeft[m.ph[k] * m.S + s])) {
          const r = this.lightestInHall(m.ph[k], s);
          if (r < 0) ok = false;
          else {
            blockers.push(r);
            this.remove(r);
          }
        }
        if (!ok || !this.tryAt(k, s, true)) {
          this.rollback(cp);
          continue;
        }
        let dropped = 0;
        for (const r of blockers) {
          if (this.placeDirect(r, true)) continue;
          if (depth > 1 && this.eject(r, depth - 1, false)) continue;
          dropped += m.pw[r];
          if (!allowDrop || dropped >= m.pw[k]) break;
        }
        if (dropped === 0 || (allowDrop && dropped < m.pw[k])) return true;
        this.rollback(cp);
      }
      return false;
    } finally {
      this.pinned[k] = 0;
    }
  }

  /**
   * Person p has no room left at all and every new meeting of theirs weighs at least k's: placing
   * k would drop one of them, which never raises the weight.
   */
  private saturatedAbove(p: number, k: number): boolean {
    const { m } = this;
    let count = 0;
    for (let d = 0; d < m.D; d++) count += this.dayCnt[p * m.D + d];
    if (count < this.capacity[p]) return false;
    for (let s = 0; s < m.S; s++) {
      const r = this.busy[p * m.S + s];
      if (r >= 0 && m.pw[r] < m.pw[k]) return false;
    }
    return true;
  }

  private lightestOnDay(p: number, d: number): number {
    const { m } = this;
    let best = -1;
    for (let s = 0; s < m.S; s++) {
      if (m.dayOf[s] !== d) continue;
      const r = this.busy[p * m.S + s];
      if (r >= 0 && !this.pinned[r] && (best < 0 || m.pw[r] < m.pw[best])) best = r;
    }
    return best;
  }

  private lightestInHall(h: number, s: number): number {
    const { m } = this;
    let best = -1;
    for (const k of this.inHall[h * m.S + s])
      if (!this.pinned[k] && (best < 0 || m.pw[k] < m.pw[best])) best = k;
    return best;
  }

  /** Moves scheduled meeting k to the slot that lowers its two people's idle and crowding cost. */
  compact(k: number): boolean {
    const { m } = this;
    const b = m.pb[k];
    const x = m.px[k];
    const s0 = this.slotOf[k];
    const i0 = this.interpOf[k];
    this.remove(k);
    this.profile(b, this.profB);
    this.profile(x, this.profX);
    const l = m.pl[k];
    let best = s0;
    let bestCost = this.addedCost(s0);
    for (const s of this.cand[k]) {
      if (s === s0 || !this.roomFor(k, s)) continue;
      const c = this.addedCost(s);
      if (c < bestCost - 1e-9 && (l < 0 || this.freeInterpreter(l, s) >= 0)) {
        bestCost = c;
        best = s;
      }
    }
    const moved = best !== s0 && this.tryAt(k, best, false);
    if (!moved) this.place(k, s0, i0);
    this.commit();
    return moved;
  }

  private readonly profB = { first: new Int32Array(0), last: new Int32Array(0), count: new Int32Array(0) };
  private readonly profX = { first: new Int32Array(0), last: new Int32Array(0), count: new Int32Array(0) };

  /** First and last occupied ordinal slot and meeting count per day for person p. */
  private profile(p: number, into: { first: Int32Array; last: Int32Array; count: Int32Array }) {
    const { m } = this;
    if (into.first.length !== m.D) {
      into.first = new Int32Array(m.D);
      into.last = new Int32Array(m.D);
      into.count = new Int32Array(m.D);
    }
    into.first.fill(-1);
    into.count.fill(0);
    for (let s = 0; s < m.S; s++) {
      if (!this.occupied(p, s)) continue;
      const d = m.dayOf[s];
      if (into.first[d] < 0) into.first[d] = s;
      into.last[d] = s;
      into.count[d]++;
    }
  }

  /** Extra idle slots (both people) and exhibitor crowding if the meeting sits in slot s. */
  private addedCost(s: number): number {
    const d = this.m.dayOf[s];
    let cost = 0;
    for (const prof of [this.profB, this.profX]) {
      const c = prof.count[d];
      if (c === 0) continue;
      const first = Math.min(prof.first[d], s);
      const last = Math.max(prof.last[d], s);
      cost += last - first + 1 - (c + 1) - (prof.last[d] - prof.first[d] + 1 - c);
    }
    return cost + SPREAD * (2 * this.profX.count[d] + 1);
  }

  /** Why pair k stayed out. */
  reason(k: number): UnscheduledReason {
    const { m } = this;
    const b = m.pb[k];
    const x = m.px[k];
    if (b < 0 || x < 0 || m.ph[k] === -2) return 'no_common_slot';
    const common: number[] = [];
    for (let s = 0; s < m.S; s++) if (m.free[b * m.S + s] && m.free[x * m.S + s]) common.push(s);
    if (common.length === 0) return 'no_common_slot';
    const l = m.pl[k];
    const h = m.ph[k];
    if (l >= 0 && !common.some((s) => m.interpsByLang[l].some((i) => m.interpFree[i * m.S + s])))
      return 'no_interpreter';
    if (h >= 0 && !common.some((s) => m.tablesLeft[h * m.S + s] > 0)) return 'no_table';
    const open = common.filter((s) => {
      const d = m.dayOf[s];
      return (
        this.busy[b * m.S + s] === -1 &&
        this.busy[x * m.S + s] === -1 &&
        this.dayCnt[b * m.D + d] < m.cap &&
        this.dayCnt[x * m.D + d] < m.cap
      );
    });
    if (open.length === 0) return 'cap_reached';
    const withInterp = l < 0 ? open : open.filter((s) => this.freeInterpreter(l, s) >= 0);
    if (withInterp.length === 0) return 'no_interpreter';
    if (h >= 0 && !withInterp.some((s) => this.hallUse[h * m.S + s] < m.tablesLeft[h * m.S + s]))
      return 'no_table';
    return 'cap_reached';
  }
}
