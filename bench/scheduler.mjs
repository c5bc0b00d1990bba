#!/usr/bin/env node
// Benchmarks the meeting auto-scheduler engine (pure computation, no database). Builds the shared library
// and the server (unless BENCH_SKIP_BUILD is set), generates three instances deterministically from fixed
// seeds and runs the built engine (apps/server/dist/modules/scheduling/engine, or BENCH_ENGINE_DIR) on each:
//   small: 40 buyers x 60 exhibitors, 2 days x 8 slots;
//   brief: 3,200 buyers, 1,250 exhibitors, ~30,000 wished pairs, 4 days x 16 slots, 20% of each person's
//          slots unavailable at random, 10% of pairs needing one of 4 interpreter languages (pool of 30
//          interpreters), 3 halls of B2B tables for 35% of pairs (the rest meet at the booth), 8 meetings per
//          person per day, 300 locked (already confirmed) meetings;
//   tight: more wishes per person than free slots.
// For each prints seconds, weight scheduled, the engine's independent upper bound, their ratio and the
// violations found by checkSchedule (must be 0). Ends with one JSON line.
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildServer, require, requireInstall, root } from './harness.mjs';

const log = (...args) => console.log('[bench:scheduler]', ...args);

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGS = ['ja', 'ko', 'zh', 'de'];

function generate(o) {
  const rand = rng(o.seed);
  const int = (n) => Math.floor(rand() * n);
  const slots = [];
  for (let d = 0; d < o.days; d++) for (let i = 0; i < o.slotsPerDay; i++) slots.push({ day: d, ordinal: i });
  const S = slots.length;
  const availability = () => {
    const out = [];
    for (let s = 0; s < S; s++) if (rand() >= o.unavailable) out.push(s);
    return out;
  };
  const people = [];
  const buyers = [];
  const exhibitors = [];
  for (let i = 0; i < o.buyers; i++) {
    const p = { id: `b${i}`, side: 'buyer', available: availability(), languages: ['en'] };
    people.push(p);
    buyers.push(p);
  }
  for (let i = 0; i < o.exhibitors; i++) {
    const p = { id: `x${i}`, side: 'exhibitor', available: availability(), languages: ['vi', 'en'] };
    people.push(p);
    exhibitors.push(p);
  }
  const interpreters = [];
  for (let i = 0; i < o.interpreters; i++) {
    const languages = ['vi', 'en', LANGS[i % LANGS.length]];
    if (rand() < 0.3) languages.push(LANGS[int(LANGS.length)]);
    interpreters.push({ id: `i${i}`, languages: [...new Set(languages)], available: availability() });
  }
  const halls = Array.from({ length: o.halls }, (_, i) => ({ id: `h${i}`, tables: o.tables }));
  const exhibitorHall = exhibitors.map(() => int(o.halls));
  // Popularity: a few exhibitors are wished by many buyers.
  const popularity = exhibitors.map((_, i) => 1 / Math.pow(i + 8, 0.7));
  const total = popularity.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let acc = 0;
  for (const p of popularity) cumulative.push((acc += p / total));
  const pickExhibitor = () => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const weights = [8, 4, 4, 2, 2, 2, 2, 1, 1, 1];
  const pairs = [];
  buyers.forEach((buyer, bi) => {
    const wishes = Math.max(1, Math.round(o.wishesPerBuyer * (0.5 + rand())));
    const chosen = new Set();
    for (let t = 0; t < wishes * 3 && chosen.size < wishes; t++) chosen.add(pickExhibitor());
    for (const xi of chosen) {
      const language =
        rand() < o.interpreterShare ? LANGS[Math.min(LANGS.length - 1, int(LANGS.length + 1))] : null;
      pairs.push({
        id: `${bi}:${xi}`,
        buyerId: buyer.id,
        exhibitorId: exhibitors[xi].id,
        weight: weights[int(weights.length)],
        interpreterLanguage: language,
        hallId: o.halls > 0 && rand() < o.tableShare ? halls[exhibitorHall[xi]].id : null,
      });
    }
  });
  // Locked meetings: confirmed ones, consistent with every constraint.
  const locked = [];
  const taken = new Set();
  const perDay = new Map();
  const hallUse = new Map();
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (let t = 0; t < o.locked * 5 && locked.length < o.locked; t++) {
    const pair = pairs[int(pairs.length)];
    if (pair.interpreterLanguage !== null || pair.locked) continue;
    const buyer = people[Number(pair.buyerId.slice(1))];
    const exhibitor = exhibitors[Number(pair.exhibitorId.slice(1))];
    const common = buyer.available.filter((s) => exhibitor.available.includes(s));
    if (common.length === 0) continue;
    const s = common[int(common.length)];
    const day = slots[s].day;
    if (taken.has(`${buyer.id}@${s}`) || taken.has(`${exhibitor.id}@${s}`)) continue;
    if (
      (perDay.get(`${buyer.id}@${day}`) ?? 0) >= o.cap ||
      (perDay.get(`${exhibitor.id}@${day}`) ?? 0) >= o.cap
    )
      continue;
    if (pair.hallId !== null && (hallUse.get(`${pair.hallId}@${s}`) ?? 0) >= o.tables) continue;
    taken.add(`${buyer.id}@${s}`);
    taken.add(`${exhibitor.id}@${s}`);
    bump(perDay, `${buyer.id}@${day}`);
    bump(perDay, `${exhibitor.id}@${day}`);
    if (pair.hallId !== null) bump(hallUse, `${pair.hallId}@${s}`);
    pair.locked = true;
    locked.push({
      buyerId: buyer.id,
      exhibitorId: exhibitor.id,
      slot: s,
      interpreterId: null,
      hallId: pair.hallId,
      pairId: pair.id,
    });
  }
  for (const pair of pairs) delete pair.locked;
  return { slots, people, interpreters, halls, pairs, locked, maxMeetingsPerPersonPerDay: o.cap };
}

/** Soft goals: idle slots between a person's first and last meeting of a day; exhibitors' day imbalance. */
function softFigures(input, meetings) {
  const pairs = new Map(input.pairs.map((p) => [p.id, p]));
  const slotsOf = new Map();
  const add = (person, slot) => {
    if (!slotsOf.has(person)) slotsOf.set(person, []);
    slotsOf.get(person).push(slot);
  };
  for (const m of input.locked) {
    add(m.buyerId, m.slot);
    add(m.exhibitorId, m.slot);
  }
  for (const m of meetings) {
    const pair = pairs.get(m.pairId);
    add(pair.buyerId, m.slot);
    add(pair.exhibitorId, m.slot);
  }
  const days = [...new Set(input.slots.map((s) => s.day))];
  let idle = 0;
  let personDays = 0;
  let imbalance = 0;
  let exhibitors = 0;
  for (const [person, slots] of slotsOf) {
    const perDay = new Map();
    for (const s of slots) {
      const d = input.slots[s].day;
      if (!perDay.has(d)) perDay.set(d, []);
      perDay.get(d).push(input.slots[s].ordinal);
    }
    for (const ordinals of perDay.values()) {
      idle += Math.max(...ordinals) - Math.min(...ordinals) + 1 - ordinals.length;
      personDays++;
    }
    if (person.startsWith('x')) {
      const counts = days.map((d) => perDay.get(d)?.length ?? 0);
      imbalance += Math.max(...counts) - Math.min(...counts);
      exhibitors++;
    }
  }
  return {
    idlePerPersonDay: idle / Math.max(1, personDays),
    exhibitorImbalance: imbalance / Math.max(1, exhibitors),
  };
}

const INSTANCES = [
  {
    name: 'small',
    seed: 11,
    buyers: 40,
    exhibitors: 60,
    days: 2,
    slotsPerDay: 8,
    unavailable: 0.2,
    wishesPerBuyer: 5,
    interpreterShare: 0.1,
    interpreters: 3,
    halls: 1,
    tables: 6,
    tableShare: 0.35,
    cap: 6,
    locked: 10,
  },
  {
    name: 'brief',
    seed: 2026,
    buyers: 3200,
    exhibitors: 1250,
    days: 4,
    slotsPerDay: 16,
    unavailable: 0.2,
    wishesPerBuyer: 9.4,
    interpreterShare: 0.1,
    interpreters: 30,
    halls: 3,
    tables: 60,
    tableShare: 0.35,
    cap: 8,
    locked: 300,
  },
  {
    name: 'tight',
    seed: 7,
    buyers: 300,
    exhibitors: 120,
    days: 2,
    slotsPerDay: 8,
    unavailable: 0.2,
    wishesPerBuyer: 20,
    interpreterShare: 0.1,
    interpreters: 4,
    halls: 2,
    tables: 10,
    tableShare: 0.35,
    cap: 6,
    locked: 30,
  },
];

async function main() {
  requireInstall();
  buildServer(log);
  const dir = process.env.BENCH_ENGINE_DIR ?? join(root, 'apps/server/dist/modules/scheduling/engine');
  const engine = require(join(dir, 'index.js'));
  const results = [];
  for (const spec of INSTANCES) {
    const input = generate(spec);
    log(
      `${spec.name}: ${spec.buyers} buyers, ${spec.exhibitors} exhibitors, ${input.pairs.length} pairs, ` +
        `${input.slots.length} slots, ${input.interpreters.length} interpreters, ${input.locked.length} locked; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = engine.schedule(input);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const violations = engine.checkSchedule(input, result.meetings);
    const ratio = result.bound > 0 ? result.scheduledWeight / result.bound : 1;
    const reasons = {};
    for (const u of result.unscheduled) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
    log(
      `${spec.name}: ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), ${result.meetings.length} meetings, weight ${result.scheduledWeight} ` +
        `of bound ${result.bound} (${(ratio * 100).toFixed(2)}%), ${violations.length} violations, ` +
        `unscheduled ${JSON.stringify(reasons)}`,
    );
    const soft = softFigures(input, result.meetings);
    log(
      `${spec.name}: ${soft.idlePerPersonDay.toFixed(3)} idle slots per person-day with meetings, ` +
        `exhibitors' busiest minus quietest day ${soft.exhibitorImbalance.toFixed(2)} meetings on average`,
    );
    for (const v of violations.slice(0, 5)) log(`  violation ${v.kind}: ${v.detail}`);
    results.push({
      name: spec.name,
      seconds: Number(seconds.toFixed(3)),
      scheduled: result.scheduledWeight,
      bound: result.bound,
      ratio: Number(ratio.toFixed(4)),
      violations: violations.length,
    });
  }
  console.log(JSON.stringify({ instances: results }));
  if (results.some((r) => r.violations > 0)) process.exitCode = 1;
}

export { generate, INSTANCES, softFigures };

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
