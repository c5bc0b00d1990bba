import fc from 'fast-check';
import {
  checkSchedule,
  schedule,
  upperBound,
  type EngineLockedMeeting,
  type EnginePair,
  type ScheduledMeeting,
  type ScheduleInput,
} from './index';

// ---------- random instances ----------

const LANGS = ['ja', 'ko'];

interface Shape {
  days: number;
  perDay: number;
  buyers: number;
  exhibitors: number;
  cap: number;
  avail: boolean[][]; // person x slot (buyers then exhibitors)
  interpreters: { langs: boolean[]; avail: boolean[] }[];
  tables: number[];
  pairs: { b: number; x: number; w: number; lang: number; hall: number }[];
  locked: { pair: number; slot: number }[];
}

const WEIGHTS = [1, 2, 4, 8];

function shapeArb(max: { slots: number; people: number; pairs: number }): fc.Arbitrary<Shape> {
  return fc
    .record({
      days: fc.integer({ min: 1, max: 2 }),
      perDay: fc.integer({ min: 1, max: Math.max(1, Math.floor(max.slots / 2)) }),
      buyers: fc.integer({ min: 1, max: max.people }),
      exhibitors: fc.integer({ min: 1, max: max.people }),
      cap: fc.integer({ min: 1, max: 4 }),
    })
    .chain((base) => {
      const S = base.days * base.perDay;
      const P = base.buyers + base.exhibitors;
      const mostly = fc.integer({ min: 0, max: 9 }).map((v) => v < 8); // free in ~80% of slots
      return fc.record({
        days: fc.constant(base.days),
        perDay: fc.constant(base.perDay),
        buyers: fc.constant(base.buyers),
        exhibitors: fc.constant(base.exhibitors),
        cap: fc.constant(base.cap),
        avail: fc.array(fc.array(fc.boolean(), { minLength: S, maxLength: S }), {
          minLength: P,
          maxLength: P,
        }),
        interpreters: fc.array(
          fc.record({
            langs: fc.array(fc.boolean(), { minLength: LANGS.length, maxLength: LANGS.length }),
            avail: fc.array(mostly, { minLength: S, maxLength: S }),
          }),
          { maxLength: 3 },
        ),
        tables: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 2 }),
        pairs: fc.array(
          fc.record({
            b: fc.nat(base.buyers - 1),
            x: fc.nat(base.exhibitors - 1),
            w: fc.constantFrom(...WEIGHTS),
            lang: fc.integer({ min: -3, max: LANGS.length - 1 }), // mostly no interpreter
            hall: fc.integer({ min: -1, max: 1 }),
          }),
          { minLength: Math.floor(max.pairs / 2), maxLength: max.pairs },
        ),
        locked: fc.array(fc.record({ pair: fc.nat(max.pairs), slot: fc.nat(S - 1) }), { maxLength: 3 }),
      });
    });
}

/** Turns a shape into an input; locked meetings are kept only when they respect every constraint. */
function toInput(sh: Shape): ScheduleInput {
  const S = sh.days * sh.perDay;
  const slots = Array.from({ length: S }, (_, s) => ({
    day: 10 + Math.floor(s / sh.perDay),
    ordinal: s % sh.perDay,
  }));
  const avail = (row: boolean[]) => row.flatMap((a, s) => (a ? [s] : []));
  const people = [
    ...Array.from({ length: sh.buyers }, (_, i) => ({
      id: `b${i}`,
      side: 'buyer' as const,
      available: avail(sh.avail[i]),
      languages: ['en'],
    })),
    ...Array.from({ length: sh.exhibitors }, (_, i) => ({
      id: `x${i}`,
      side: 'exhibitor' as const,
      available: avail(sh.avail[sh.buyers + i]),
      languages: ['vi'],
    })),
  ];
  const interpreters = sh.interpreters.map((it, i) => ({
    id: `i${i}`,
    languages: LANGS.filter((_, l) => it.langs[l]),
    available: avail(it.avail),
  }));
  const halls = sh.tables.map((tables, h) => ({ id: `h${h}`, tables }));
  const seen = new Set<string>();
  const pairs: EnginePair[] = [];
  for (const p of sh.pairs) {
    const id = `${p.b}:${p.x}`;
    if (seen.has(id)) continue;
    seen.add(id);
    pairs.push({
      id,
      buyerId: `b${p.b}`,
      exhibitorId: `x${p.x}`,
      weight: p.w,
      interpreterLanguage: p.lang >= 0 ? LANGS[p.lang] : null,
      hallId: p.hall >= 0 && p.hall < halls.length ? halls[p.hall].id : null,
    });
  }
  const input: ScheduleInput = {
    slots,
    people,
    interpreters,
    halls,
    pairs,
    locked: [],
    maxMeetingsPerPersonPerDay: sh.cap,
  };
  for (const l of sh.locked) {
    const pair = pairs[l.pair];
    if (!pair || input.locked.some((m) => m.pairId === pair.id)) continue;
    const interp = pair.interpreterLanguage
      ? interpreters.find(
          (it) =>
            it.languages.includes(pair.interpreterLanguage!) &&
            it.available.includes(l.slot) &&
            !input.locked.some((m) => m.slot === l.slot && m.interpreterId === it.id),
        )
      : undefined;
    if (pair.interpreterLanguage && !interp) continue;
    const candidate: EngineLockedMeeting = {
      buyerId: pair.buyerId,
      exhibitorId: pair.exhibitorId,
      slot: l.slot,
      interpreterId: interp?.id ?? null,
      hallId: pair.hallId,
      pairId: pair.id,
    };
    // A locked meeting is valid when, checked as a new meeting against the others, it breaks nothing.
    const asNew = { ...input, locked: input.locked };
    const violations = checkSchedule(asNew, [
      { pairId: pair.id, slot: l.slot, interpreterId: candidate.interpreterId, hallId: pair.hallId },
    ]);
    if (violations.length === 0) input.locked.push(candidate);
  }
  return input;
}

const weightOf = (input: ScheduleInput, meetings: ScheduledMeeting[]) => {
  const w = new Map(input.pairs.map((p) => [p.id, p.weight]));
  return meetings.reduce((sum, m) => sum + (w.get(m.pairId) ?? 0), 0);
};

/** Exact optimum by branch and bound over (pair -> nothing | slot and interpreter). */
function bruteForce(input: ScheduleInput): number {
  const lockedPairs = new Set(input.locked.map((m) => m.pairId));
  const pairs = input.pairs.filter((p) => !lockedPairs.has(p.id)).sort((a, b) => b.weight - a.weight);
  const suffix = pairs.map((_, i) => pairs.slice(i).reduce((s, p) => s + p.weight, 0));
  let best = 0;
  const chosen: ScheduledMeeting[] = [];
  const go = (i: number, weight: number) => {
    if (weight > best) best = weight;
    if (i === pairs.length || weight + suffix[i] <= best) return;
    const p = pairs[i];
    for (let s = 0; s < input.slots.length; s++) {
      const interps = p.interpreterLanguage
        ? input.interpreters.filter((it) => it.languages.includes(p.interpreterLanguage!)).map((it) => it.id)
        : [null];
      for (const interpreterId of interps) {
        chosen.push({ pairId: p.id, slot: s, interpreterId, hallId: p.hallId });
        if (checkSchedule(input, chosen).length === 0) go(i + 1, weight + p.weight);
        chosen.pop();
      }
    }
    go(i + 1, weight);
  };
  go(0, 0);
  return best;
}

const quiet = { numRuns: 150, seed: 20261127 };

describe('scheduling engine (property-based)', () => {
  it('never breaks a hard constraint and never beats its own bound', () => {
    fc.assert(
      fc.property(shapeArb({ slots: 8, people: 6, pairs: 20 }), (sh) => {
        const input = toInput(sh);
        const result = schedule(input);
        expect(checkSchedule(input, result.meetings)).toEqual([]);
        expect(result.scheduledWeight).toBe(weightOf(input, result.meetings));
        expect(result.scheduledWeight).toBeLessThanOrEqual(result.bound);
        expect(result.bound).toBe(upperBound(input));
        // Every pair not realised by a locked meeting is either scheduled or explained, once.
        const locked = new Set(input.locked.map((m) => m.pairId));
        const accounted = [
          ...result.meetings.map((m) => m.pairId),
          ...result.unscheduled.map((u) => u.pairId),
        ];
        expect(accounted.sort()).toEqual(
          input.pairs
            .filter((p) => !locked.has(p.id))
            .map((p) => p.id)
            .sort(),
        );
      }),
      quiet,
    );
  });

  it('on small instances: bound >= brute-force optimum >= scheduled weight', () => {
    fc.assert(
      fc.property(shapeArb({ slots: 4, people: 3, pairs: 6 }), (sh) => {
        const input = toInput(sh);
        const result = schedule(input);
        const optimum = bruteForce(input);
        expect(result.bound).toBeGreaterThanOrEqual(optimum);
        expect(optimum).toBeGreaterThanOrEqual(result.scheduledWeight);
      }),
      { numRuns: 120, seed: 7 },
    );
  });

  it('places every wish when the instance leaves room for all of them', () => {
    // Everyone free in every slot, no cap pressure, tables and interpreters for every pair:
    // a pair is blocked by at most (its buyer's other pairs + its exhibitor's other pairs + locked) slots.
    fc.assert(
      fc.property(shapeArb({ slots: 10, people: 5, pairs: 12 }), (sh) => {
        const S = sh.days * sh.perDay;
        const roomy: Shape = {
          ...sh,
          cap: S,
          avail: sh.avail.map((row) => row.map(() => true)),
          tables: sh.tables.map(() => 50),
          interpreters: sh.pairs.map(() => ({ langs: LANGS.map(() => true), avail: Array(S).fill(true) })),
        };
        const input = toInput(roomy);
        const degree = new Map<string, number>();
        const bump = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
        for (const p of input.pairs) {
          bump(p.buyerId);
          bump(p.exhibitorId);
        }
        fc.pre(input.pairs.every((p) => degree.get(p.buyerId)! + degree.get(p.exhibitorId)! <= S + 1));
        const result = schedule(input);
        expect(result.unscheduled).toEqual([]);
        expect(checkSchedule(input, result.meetings)).toEqual([]);
        expect(result.scheduledWeight).toBe(result.bound);
      }),
      { numRuns: 100, seed: 99 },
    );
  });

  it('never moves or repeats locked meetings, and counts them toward caps (fill-free-slots mode)', () => {
    fc.assert(
      fc.property(shapeArb({ slots: 8, people: 5, pairs: 16 }), (sh) => {
        const input = toInput(sh);
        const first = schedule(input);
        // Keep half of the draft as locked entries, then fill the free slots again.
        const kept = first.meetings.filter((_, i) => i % 2 === 0);
        const pairById = new Map(input.pairs.map((p) => [p.id, p]));
        const refill: ScheduleInput = {
          ...input,
          locked: [
            ...input.locked,
            ...kept.map((m) => ({
              buyerId: pairById.get(m.pairId)!.buyerId,
              exhibitorId: pairById.get(m.pairId)!.exhibitorId,
              slot: m.slot,
              interpreterId: m.interpreterId,
              hallId: m.hallId,
              pairId: m.pairId,
            })),
          ],
        };
        const second = schedule(refill);
        const lockedIds = new Set(refill.locked.map((m) => m.pairId));
        expect(second.meetings.filter((m) => lockedIds.has(m.pairId))).toEqual([]);
        expect(checkSchedule(refill, second.meetings)).toEqual([]);
        expect(second.scheduledWeight).toBeLessThanOrEqual(second.bound);
        // The dropped half of the first schedule is still feasible around the kept half, so the
        // bound of the refill must be at least its weight.
        expect(first.scheduledWeight - weightOf(input, kept)).toBeLessThanOrEqual(second.bound);
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});

describe('scheduling engine (medium crowded instances)', () => {
  /** Deterministic crowded instance: more wishes than slots, few interpreters and tables. */
  function crowded(seed: number): ScheduleInput {
    let state = seed;
    const rand = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const S = 12;
    const slots = Array.from({ length: S }, (_, s) => ({ day: Math.floor(s / 6), ordinal: s % 6 }));
    const avail = () => slots.flatMap((_, s) => (rand() < 0.8 ? [s] : []));
    const people = [
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `b${i}`,
        side: 'buyer' as const,
        available: avail(),
        languages: [],
      })),
      ...Array.from({ length: 15 }, (_, i) => ({
        id: `x${i}`,
        side: 'exhibitor' as const,
        available: avail(),
        languages: [],
      })),
    ];
    const pairs: EnginePair[] = [];
    for (let b = 0; b < 40; b++)
      for (let x = 0; x < 15; x++)
        if (rand() < 0.3)
          pairs.push({
            id: `${b}:${x}`,
            buyerId: `b${b}`,
            exhibitorId: `x${x}`,
            weight: WEIGHTS[Math.floor(rand() * 4)],
            interpreterLanguage: rand() < 0.2 ? LANGS[Math.floor(rand() * 2)] : null,
            hallId: rand() < 0.4 ? 'h0' : null,
          });
    return {
      slots,
      people,
      interpreters: [
        { id: 'i0', languages: ['ja'], available: avail() },
        { id: 'i1', languages: ['ja', 'ko'], available: avail() },
      ],
      halls: [{ id: 'h0', tables: 2 }],
      pairs,
      locked: [],
      maxMeetingsPerPersonPerDay: 4,
    };
  }

  it.each([1, 2, 3, 4, 5])('seed %i: no violation, weight within the bound and close to it', (seed) => {
    const input = crowded(seed);
    const result = schedule(input);
    expect(checkSchedule(input, result.meetings)).toEqual([]);
    expect(result.scheduledWeight).toBeLessThanOrEqual(result.bound);
    expect(result.scheduledWeight).toBeGreaterThanOrEqual(0.9 * result.bound);
  });
});

// ---------- hand-made instances ----------

function base(partial: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    slots: [
      { day: 1, ordinal: 0 },
      { day: 1, ordinal: 1 },
      { day: 2, ordinal: 0 },
      { day: 2, ordinal: 1 },
    ],
    people: [
      { id: 'b1', side: 'buyer', available: [0, 1, 2, 3], languages: ['en'] },
      { id: 'b2', side: 'buyer', available: [0, 1, 2, 3], languages: ['en'] },
      { id: 'x1', side: 'exhibitor', available: [0, 1, 2, 3], languages: ['vi'] },
      { id: 'x2', side: 'exhibitor', available: [0, 1, 2, 3], languages: ['vi'] },
    ],
    interpreters: [],
    halls: [],
    pairs: [],
    locked: [],
    maxMeetingsPerPersonPerDay: 4,
    ...partial,
  };
}

const pair = (
  id: string,
  buyerId: string,
  exhibitorId: string,
  extra: Partial<EnginePair> = {},
): EnginePair => ({
  id,
  buyerId,
  exhibitorId,
  weight: 2,
  interpreterLanguage: null,
  hallId: null,
  ...extra,
});

describe('scheduling engine (unscheduled reasons and locked meetings)', () => {
  it('no_common_slot when the two are never free at the same time', () => {
    const input = base({
      people: [
        { id: 'b1', side: 'buyer', available: [0, 1], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [2, 3], languages: ['vi'] },
      ],
      pairs: [pair('p', 'b1', 'x1')],
    });
    const result = schedule(input);
    expect(result.meetings).toEqual([]);
    expect(result.unscheduled).toEqual([{ pairId: 'p', reason: 'no_common_slot' }]);
    expect(result.bound).toBe(0);
  });

  it('no_common_slot when a locked meeting takes their only common slot', () => {
    const input = base({
      people: [
        { id: 'b1', side: 'buyer', available: [0], languages: ['en'] },
        { id: 'b2', side: 'buyer', available: [0], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [0, 1], languages: ['vi'] },
      ],
      pairs: [pair('p', 'b1', 'x1')],
      locked: [{ buyerId: 'b2', exhibitorId: 'x1', slot: 0, interpreterId: null, hallId: null }],
    });
    expect(schedule(input).unscheduled).toEqual([{ pairId: 'p', reason: 'no_common_slot' }]);
  });

  it('no_interpreter when nobody covers the language, or the only interpreter is taken', () => {
    const none = base({
      interpreters: [{ id: 'i1', languages: ['ko'], available: [0, 1, 2, 3] }],
      pairs: [pair('p', 'b1', 'x1', { interpreterLanguage: 'ja' })],
    });
    expect(schedule(none).unscheduled).toEqual([{ pairId: 'p', reason: 'no_interpreter' }]);

    const busy = base({
      people: [
        { id: 'b1', side: 'buyer', available: [0], languages: ['en'] },
        { id: 'b2', side: 'buyer', available: [0], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [0], languages: ['vi'] },
        { id: 'x2', side: 'exhibitor', available: [0], languages: ['vi'] },
      ],
      interpreters: [{ id: 'i1', languages: ['ja'], available: [0] }],
      pairs: [
        pair('heavy', 'b1', 'x1', { interpreterLanguage: 'ja', weight: 8 }),
        pair('light', 'b2', 'x2', { interpreterLanguage: 'ja', weight: 1 }),
      ],
    });
    const result = schedule(busy);
    expect(result.meetings).toEqual([{ pairId: 'heavy', slot: 0, interpreterId: 'i1', hallId: null }]);
    expect(result.unscheduled).toEqual([{ pairId: 'light', reason: 'no_interpreter' }]);
    expect(result.bound).toBe(8);
  });

  it('no_table when the hall has no table left in the common slots', () => {
    const empty = base({
      halls: [{ id: 'h', tables: 0 }],
      pairs: [pair('p', 'b1', 'x1', { hallId: 'h' })],
    });
    expect(schedule(empty).unscheduled).toEqual([{ pairId: 'p', reason: 'no_table' }]);

    const full = base({
      people: [
        { id: 'b1', side: 'buyer', available: [1], languages: ['en'] },
        { id: 'b2', side: 'buyer', available: [1], languages: ['en'] },
        { id: 'b3', side: 'buyer', available: [1], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [1], languages: ['vi'] },
        { id: 'x2', side: 'exhibitor', available: [1], languages: ['vi'] },
        { id: 'x3', side: 'exhibitor', available: [1], languages: ['vi'] },
      ],
      halls: [{ id: 'h', tables: 2 }],
      pairs: [
        pair('a', 'b1', 'x1', { hallId: 'h', weight: 4 }),
        pair('b', 'b2', 'x2', { hallId: 'h', weight: 1 }),
      ],
      // A locked meeting already uses one of the two tables.
      locked: [{ buyerId: 'b3', exhibitorId: 'x3', slot: 1, interpreterId: null, hallId: 'h' }],
    });
    const result = schedule(full);
    expect(result.meetings).toEqual([{ pairId: 'a', slot: 1, interpreterId: null, hallId: 'h' }]);
    expect(result.unscheduled).toEqual([{ pairId: 'b', reason: 'no_table' }]);
    expect(checkSchedule(full, result.meetings)).toEqual([]);
  });

  it('cap_reached when the per-day cap (locked meetings included) leaves no room', () => {
    const day = [
      { day: 1, ordinal: 0 },
      { day: 1, ordinal: 1 },
      { day: 1, ordinal: 2 },
    ];
    const input = base({
      slots: day,
      people: [
        { id: 'b1', side: 'buyer', available: [0, 1, 2], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [0, 1, 2], languages: ['vi'] },
        { id: 'x2', side: 'exhibitor', available: [0, 1, 2], languages: ['vi'] },
        { id: 'x3', side: 'exhibitor', available: [0, 1, 2], languages: ['vi'] },
      ],
      maxMeetingsPerPersonPerDay: 2,
      pairs: [pair('heavy', 'b1', 'x1', { weight: 8 }), pair('light', 'b1', 'x2', { weight: 1 })],
      locked: [{ buyerId: 'b1', exhibitorId: 'x3', slot: 0, interpreterId: null, hallId: null }],
    });
    const result = schedule(input);
    // b1 already has one locked meeting that day: room for exactly one more, the heavier one.
    expect(result.meetings.map((m) => m.pairId)).toEqual(['heavy']);
    expect(result.meetings[0].slot).not.toBe(0);
    expect(result.unscheduled).toEqual([{ pairId: 'light', reason: 'cap_reached' }]);
    expect(result.bound).toBe(8);
    expect(checkSchedule(input, result.meetings)).toEqual([]);

    const capped = base({
      maxMeetingsPerPersonPerDay: 1,
      slots: [
        { day: 1, ordinal: 0 },
        { day: 1, ordinal: 1 },
      ],
      people: [
        { id: 'b1', side: 'buyer', available: [0, 1], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [0, 1], languages: ['vi'] },
        { id: 'x2', side: 'exhibitor', available: [0, 1], languages: ['vi'] },
      ],
      pairs: [pair('heavy', 'b1', 'x1', { weight: 8 }), pair('light', 'b1', 'x2', { weight: 1 })],
    });
    const r2 = schedule(capped);
    expect(r2.meetings.map((m) => m.pairId)).toEqual(['heavy']);
    expect(r2.unscheduled).toEqual([{ pairId: 'light', reason: 'cap_reached' }]);
    expect(r2.bound).toBe(8);
  });

  it('skips pairs realised by a locked meeting and reports progress up to 1', () => {
    const fractions: number[] = [];
    const input = base({
      pairs: [pair('done', 'b1', 'x1'), pair('new', 'b2', 'x1', { weight: 4 })],
      locked: [
        { buyerId: 'b1', exhibitorId: 'x1', slot: 0, interpreterId: null, hallId: null, pairId: 'done' },
      ],
      onProgress: (f) => fractions.push(f),
    });
    const result = schedule(input);
    expect(result.meetings.map((m) => m.pairId)).toEqual(['new']);
    expect(result.meetings[0].slot).not.toBe(0);
    expect(result.unscheduled).toEqual([]);
    expect(result.bound).toBe(4);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('packs a person’s meetings without idle gaps and spreads an exhibitor over the days', () => {
    const slots = [0, 1, 2, 3, 4, 5]
      .flatMap((o) => [{ day: 1, ordinal: o }])
      .concat([0, 1, 2, 3, 4, 5].map((o) => ({ day: 2, ordinal: o })));
    const all = slots.map((_, s) => s);
    const input = base({
      slots,
      people: [
        { id: 'x1', side: 'exhibitor', available: all, languages: ['vi'] },
        ...[1, 2, 3, 4].map((i) => ({
          id: `b${i}`,
          side: 'buyer' as const,
          available: all,
          languages: ['en'],
        })),
      ],
      pairs: [1, 2, 3, 4].map((i) => pair(`p${i}`, `b${i}`, 'x1')),
    });
    const result = schedule(input);
    expect(result.unscheduled).toEqual([]);
    const byDay = [0, 0];
    for (const m of result.meetings) byDay[slots[m.slot].day - 1]++;
    expect(byDay).toEqual([2, 2]);
    for (const day of [1, 2]) {
      const ordinals = result.meetings
        .filter((m) => slots[m.slot].day === day)
        .map((m) => slots[m.slot].ordinal);
      expect(Math.abs(ordinals[0] - ordinals[1])).toBe(1);
    }
  });

  it('bound counts interpreter capacity: one interpreter slot for three pairs leaves only the heaviest', () => {
    const input = base({
      people: [
        { id: 'b1', side: 'buyer', available: [0, 1, 2, 3], languages: ['en'] },
        { id: 'b2', side: 'buyer', available: [0, 1, 2, 3], languages: ['en'] },
        { id: 'b3', side: 'buyer', available: [0, 1, 2, 3], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [0, 1, 2, 3], languages: ['vi'] },
      ],
      interpreters: [{ id: 'i1', languages: ['ja'], available: [2] }],
      pairs: [
        pair('a', 'b1', 'x1', { interpreterLanguage: 'ja', weight: 8 }),
        pair('b', 'b2', 'x1', { interpreterLanguage: 'ja', weight: 4 }),
        pair('c', 'b3', 'x1', { interpreterLanguage: 'ja', weight: 2 }),
      ],
    });
    expect(upperBound(input)).toBe(8);
    const result = schedule(input);
    expect(result.meetings).toEqual([{ pairId: 'a', slot: 2, interpreterId: 'i1', hallId: null }]);
    expect(result.unscheduled.map((u) => u.reason)).toEqual(['no_interpreter', 'no_interpreter']);
  });

  it('bound counts the per-day cap and locked meetings in each person’s capacity', () => {
    const input = base({
      maxMeetingsPerPersonPerDay: 1,
      people: [
        { id: 'x1', side: 'exhibitor', available: [0, 1, 2, 3], languages: ['vi'] },
        ...[1, 2, 3].map((i) => ({
          id: `b${i}`,
          side: 'buyer' as const,
          available: [0, 1, 2, 3],
          languages: ['en'],
        })),
      ],
      pairs: [pair('a', 'b1', 'x1', { weight: 8 }), pair('b', 'b2', 'x1', { weight: 4 })],
      // x1 already meets b3 on day 1: one more meeting fits, on day 2.
      locked: [{ buyerId: 'b3', exhibitorId: 'x1', slot: 1, interpreterId: null, hallId: null }],
    });
    expect(upperBound(input)).toBe(8);
    const result = schedule(input);
    expect(result.meetings.map((m) => [m.pairId, input.slots[m.slot].day])).toEqual([['a', 2]]);
    expect(result.unscheduled).toEqual([{ pairId: 'b', reason: 'cap_reached' }]);
  });

  it('checkSchedule reports double bookings, unavailable slots, caps, tables and interpreters', () => {
    const input = base({
      halls: [{ id: 'h', tables: 1 }],
      interpreters: [{ id: 'i1', languages: ['ja'], available: [0] }],
      maxMeetingsPerPersonPerDay: 1,
      people: [
        { id: 'b1', side: 'buyer', available: [0, 1], languages: ['en'] },
        { id: 'b2', side: 'buyer', available: [0, 1], languages: ['en'] },
        { id: 'x1', side: 'exhibitor', available: [0, 1], languages: ['vi'] },
        { id: 'x2', side: 'exhibitor', available: [0], languages: ['vi'] },
      ],
      pairs: [
        pair('a', 'b1', 'x1', { hallId: 'h' }),
        pair('b', 'b2', 'x1', { hallId: 'h' }),
        pair('c', 'b2', 'x2', { interpreterLanguage: 'ja' }),
      ],
    });
    const kinds = checkSchedule(input, [
      { pairId: 'a', slot: 0, interpreterId: null, hallId: 'h' },
      { pairId: 'b', slot: 0, interpreterId: null, hallId: 'h' },
      { pairId: 'c', slot: 1, interpreterId: 'i1', hallId: null },
      { pairId: 'a', slot: 1, interpreterId: null, hallId: 'h' },
    ]).map((v) => v.kind);
    expect(new Set(kinds)).toEqual(
      new Set([
        'person_double_booked',
        'day_cap',
        'hall_full',
        'unavailable',
        'interpreter_unavailable',
        'pair_repeated',
      ]),
    );
  });
});
