#!/usr/bin/env node
// Benchmarks the organizer's dashboard. Self-contained like bench/search.mjs: builds the shared library and
// the server, starts its own embedded PostgreSQL in a temporary folder and the built server, both on free
// ports (never touching .data/), loads the 2016–2020 history seed, adds BENCH_EXTRA_FAIRS more fairs
// (booths and importer registrations drawn from the historical firms), BENCH_CONTRACTS contracts (100,000)
// across every fair in mixed statuses and currencies, BENCH_MEETINGS meetings and BENCH_SAMPLES samples,
// then drives GET /api/dashboard?fairId= (cycling through the fairs) and GET /api/dashboard (every fair)
// with autocannon: BENCH_CONNECTIONS connections for BENCH_DURATION s each, first without writes (answers from
// each instance's cache behind the dashboard version), then while a writer records a contract with lines or
// confirms one every BENCH_WRITE_MS (200) ms, so answers are recomputed after every commit. Also times
// BENCH_COLD (40) requests of each scope each made right after a committed write (always uncached), and
// BENCH_WRITERS (8) concurrent writers recording confirmed contracts on one fair and one day (the rollup's
// would-be hot rows). Prints p50/p95/p99 and requests per second, stops everything, ends with one JSON line.
import { join } from 'node:path';
import { buildServer, percentile, require, requireInstall, root, startStack } from './harness.mjs';

const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 100_000);
const EXTRA_FAIRS = Number(process.env.BENCH_EXTRA_FAIRS ?? 5);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 30_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 10_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WRITE_MS = Number(process.env.BENCH_WRITE_MS ?? 200);
const COLD = Number(process.env.BENCH_COLD ?? 40);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const WRITES_EACH = Number(process.env.BENCH_WRITES_EACH ?? 50);
const GOAL_P95_MS = 100;
const EMAIL = 'bench-organizer@craftmatch.example';
const PASSWORD = 'Bench-Organizer-2026!';

const log = (...args) => console.log('[bench:dashboard]', ...args);

/** The history seed, then more fairs, contracts, meetings and samples, all generated in SQL from a fixed seed. */
async function load(pg, url) {
  const t0 = performance.now();
  const { seedHistory } = require(join(root, 'apps/server/dist/database/seeds/history.js'));
  const { hashPassword } = require(join(root, 'apps/server/dist/common/passwords.js'));
  const history = await seedHistory(url);
  log(
    `history seed: ${history.booths} booths, ${history.participants} registrations, ${history.contracts} contracts (${history.totalUsd} USD) in ${history.ms} ms`,
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
       VALUES ($1, $2, 'Bench Organizer', 'organizer', 'en', now())`,
      [EMAIL, await hashPassword(PASSWORD)],
    );
    await client.query(`SELECT setseed(0.2026)`);
    // more fairs, one a year from 2021, with booths and registrations drawn from the historical firms
    for (let i = 0; i < EXTRA_FAIRS; i++) {
      const year = 2021 + i;
      const {
        rows: [fair],
      } = await client.query(
        `INSERT INTO fairs (slug, name_vi, name_en, venue, status, contract_target_usd)
         VALUES ($1, $2, $3, 'Hà Nội', 'closed', '5000000.00') RETURNING id`,
        [`bench-fair-${year}`, `Hội chợ ${year}`, `Bench Fair ${year}`],
      );
      await client.query(
        `INSERT INTO fair_days (fair_id, day, opens_at, closes_at)
         SELECT $1, make_date($2, 10, 20) + d, '08:30', '17:00' FROM generate_series(0, 3) d`,
        [fair.id, year],
      );
      const {
        rows: [hall],
      } = await client.query(`INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'A') RETURNING id`, [
        fair.id,
      ]);
      await client.query(
        `INSERT INTO booths (fair_id, company_id, status, hall_id, code)
         SELECT $1, id, 'approved', $2, 'A-' || row_number() OVER ()
           FROM (SELECT id FROM companies WHERE kind = 'exhibitor' ORDER BY random() LIMIT 300) c`,
        [fair.id, hall.id],
      );
      await client.query(
        `INSERT INTO fair_participants (fair_id, company_id, user_id)
         SELECT $1, m.company_id, m.user_id
           FROM (SELECT company_id, user_id FROM company_memberships m JOIN companies c ON c.id = m.company_id
                  WHERE c.kind = 'buyer' ORDER BY random() LIMIT 700) m`,
        [fair.id],
      );
    }
    // one person per exhibitor firm, without a password, so meetings have both sides
    await client.query(
      `WITH p AS (
         INSERT INTO users (email, full_name, role, locale)
         SELECT 'bench-exhibitor-' || c.id || '@craftmatch.example', c.name, 'exhibitor', 'vi'
           FROM companies c WHERE c.kind = 'exhibitor' AND NOT EXISTS (SELECT 1 FROM company_memberships m WHERE m.company_id = c.id)
         RETURNING id, email)
       INSERT INTO company_memberships (company_id, user_id, role)
       SELECT substring(email FROM 'bench-exhibitor-(.*)@')::uuid, id, 'owner' FROM p`,
    );
    // per fair: its exhibitors (company, person) and importers as arrays, to draw pairs from
    await client.query(`
      CREATE TEMP TABLE bench_fairs AS
      SELECT row_number() OVER (ORDER BY f.id) - 1 AS k, f.id,
             (SELECT min(day) FROM fair_days d WHERE d.fair_id = f.id) AS first_day,
             (SELECT array_agg(b.company_id ORDER BY b.company_id) FROM booths b WHERE b.fair_id = f.id AND b.status = 'approved') AS ex,
             (SELECT array_agg(m.user_id ORDER BY b.company_id) FROM booths b JOIN company_memberships m ON m.company_id = b.company_id
               WHERE b.fair_id = f.id AND b.status = 'approved') AS ex_users,
             (SELECT array_agg(p.company_id ORDER BY p.id) FROM fair_participants p WHERE p.fair_id = f.id) AS bu,
             (SELECT array_agg(p.user_id ORDER BY p.id) FROM fair_participants p WHERE p.fair_id = f.id) AS bu_users
        FROM fairs f`);
    const {
      rows: [{ fairs }],
    } = await client.query(`SELECT count(*)::int AS fairs FROM bench_fairs`);
    // contracts: 70 % confirmed, 18 % declared, 8 % disputed, 4 % cancelled; USD, EUR or VND at a fixed rate
    await client.query(
      `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency, incoterm,
                              incoterm_place, payment_terms, status, declared_by_company_id, total, fx_rate, fx_date,
                              total_usd, confirmed_at, dispute_reason, cancel_reason)
       SELECT f.id, f.ex[1 + floor(x.r1 * array_length(f.ex, 1))::int], f.bu[1 + floor(x.r2 * array_length(f.bu, 1))::int],
              'BENCH-' || x.g, f.first_day + floor(x.r3 * 4)::int, 'contract', x.cur, 'FOB', 'Hải Phòng', 'lc_sight', x.status,
              f.bu[1 + floor(x.r2 * array_length(f.bu, 1))::int], x.total, x.rate, f.first_day, round(x.total * x.rate, 2),
              CASE WHEN x.status = 'confirmed' THEN now() END, CASE WHEN x.status = 'disputed' THEN 'bench' END,
              CASE WHEN x.status = 'cancelled' THEN 'bench' END
         FROM (SELECT g, r1, r2, r3,
                      CASE WHEN r4 < 0.70 THEN 'confirmed' WHEN r4 < 0.88 THEN 'declared'
                           WHEN r4 < 0.96 THEN 'disputed' ELSE 'cancelled' END AS status,
                      (ARRAY['USD','USD','EUR','VND'])[1 + g % 4] AS cur,
                      (ARRAY[1, 1, 1.0832, 0.00003937])[1 + g % 4]::numeric(20,8) AS rate,
                      CASE WHEN g % 4 = 3 THEN round((1000000 + r5 * 2000000000)::numeric, 0)
                           ELSE round((500 + r5 * 90000)::numeric, 2) END AS total
                 FROM (SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
                         FROM generate_series(1, $1::int) g) s) x
         JOIN bench_fairs f ON f.k = x.g % $2::int`,
      [CONTRACTS, fairs],
    );
    // meetings without a time (requested, declined, expired, cancelled), answered after 0–48 h when answered
    await client.query(
      `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                             requester_company_id, status, expires_at, created_at, updated_at, answered_at)
       SELECT f.id, f.bu[bi], f.ex[ei], f.bu_users[bi], f.ex_users[ei], f.bu[bi], x.status,
              f.first_day + interval '2 days', f.first_day - interval '10 days', f.first_day - interval '9 days',
              CASE WHEN x.status = 'declined' THEN f.first_day - interval '10 days' + make_interval(hours => floor(x.r3 * 48)::int) END
         FROM (SELECT g, 1 + floor(random() * 600)::int AS bi0, 1 + floor(random() * 300)::int AS ei0, random() AS r3,
                      (ARRAY['requested','declined','expired','cancelled'])[1 + floor(random() * 4)::int] AS status
                 FROM generate_series(1, $1::int) g) x
         JOIN bench_fairs f ON f.k = x.g % $2::int
         CROSS JOIN LATERAL (SELECT 1 + (x.bi0 - 1) % array_length(f.bu, 1) AS bi, 1 + (x.ei0 - 1) % array_length(f.ex, 1) AS ei) i`,
      [MEETINGS, fairs],
    );
    await client.query(
      `INSERT INTO samples (fair_id, exhibitor_company_id, buyer_company_id, requested_by_company_id, status, courier, tracking_number)
       SELECT f.id, f.ex[1 + g % array_length(f.ex, 1)], f.bu[1 + g % array_length(f.bu, 1)], f.bu[1 + g % array_length(f.bu, 1)],
              (ARRAY['requested','sent','received','approved'])[1 + g % 4],
              CASE WHEN g % 4 > 0 THEN 'DHL' END, CASE WHEN g % 4 > 0 THEN 'T' || g END
         FROM generate_series(1, $1::int) g JOIN bench_fairs f ON f.k = g % $2::int`,
      [SAMPLES, fairs],
    );
    await client.query(`VACUUM ANALYZE`);
    const {
      rows: [counts],
    } = await client.query(
      `SELECT (SELECT count(*) FROM contracts)::int AS contracts, (SELECT count(*) FROM meetings)::int AS meetings,
              (SELECT count(*) FROM samples)::int AS samples, (SELECT count(*) FROM booths)::int AS booths,
              (SELECT count(*) FROM fair_participants)::int AS participants`,
    );
    const ids = (await client.query(`SELECT id FROM bench_fairs ORDER BY k`)).rows.map((r) => r.id);
    log(
      `loaded ${fairs} fairs, ${counts.contracts} contracts, ${counts.meetings} meetings, ${counts.samples} samples, ${counts.booths} booths, ${counts.participants} registrations in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return { ...counts, fairIds: ids };
  } finally {
    await client.end();
  }
}

/**
 * Writes as the contracts service does, straight in SQL: a declared contract with two lines (one free text),
 * and the confirmation of the previous one, each in its own transaction.
 */
async function writer(pg, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pairs = (
    await client.query(
      `SELECT f.id AS fair_id, (SELECT min(day) FROM fair_days d WHERE d.fair_id = f.id) AS day,
              (SELECT company_id FROM booths b WHERE b.fair_id = f.id AND b.status = 'approved' ORDER BY company_id LIMIT 1) AS ex,
              (SELECT company_id FROM fair_participants p WHERE p.fair_id = f.id ORDER BY company_id LIMIT 1) AS bu
         FROM fairs f ORDER BY f.id`,
    )
  ).rows.filter((r) => r.day && r.ex && r.bu);
  let n = 0;
  let last = null;
  const times = [];
  const write = async () => {
    const pair = pairs[n % pairs.length];
    n++;
    const t0 = performance.now();
    await client.query('BEGIN');
    if (last && n % 2 === 0) {
      await client.query(
        `UPDATE contracts SET status = 'confirmed', confirmed_at = now(), updated_at = now() WHERE id = $1`,
        [last],
      );
      last = null;
    } else {
      const {
        rows: [row],
      } = await client.query(
        `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency, incoterm,
                                incoterm_place, payment_terms, status, declared_by_company_id, total, fx_rate, fx_date, total_usd)
         VALUES ($1, $2, $3, $4, $5, 'contract', 'EUR', 'FOB', 'Hải Phòng', 'tt', 'declared', $3, 1500.50, 1.0832, $5, 1625.34)
         RETURNING id`,
        [pair.fair_id, pair.ex, pair.bu, `BENCH-W-${process.pid}-${n}`, pair.day],
      );
      await client.query(
        `INSERT INTO contract_lines (contract_id, position, description, quantity, unit, unit_price, line_total)
         VALUES ($1, 1, 'Rattan baskets', 100, 'pcs', 10.005, 1000.50), ($1, 2, 'Lacquer trays', 50, 'pcs', 10, 500.00)`,
        [row.id],
      );
      last = row.id;
    }
    await client.query('COMMIT');
    times.push(performance.now() - t0);
  };
  let timer = null;
  let running = Promise.resolve();
  let stopped = false;
  let failed = null;
  return {
    write,
    start() {
      const tick = () => {
        running = write().then(
          () => {
            if (!stopped) timer = setTimeout(tick, WRITE_MS);
          },
          (error) => {
            failed = error;
          },
        );
      };
      timer = setTimeout(tick, WRITE_MS);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await client.end();
      if (failed) throw failed;
      return { writes: n, times };
    },
  };
}

/** WRITERS clients each commit WRITES_EACH confirmed contracts on the same fair and day at once. */
async function contention(pg, url) {
  const clients = [];
  for (let i = 0; i < WRITERS; i++) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    clients.push(c);
  }
  const {
    rows: [pair],
  } = await clients[0].query(
    `SELECT f.id AS fair_id, (SELECT min(day) FROM fair_days d WHERE d.fair_id = f.id) AS day,
            (SELECT company_id FROM booths b WHERE b.fair_id = f.id AND b.status = 'approved' ORDER BY company_id LIMIT 1) AS ex,
            (SELECT company_id FROM fair_participants p WHERE p.fair_id = f.id ORDER BY company_id LIMIT 1) AS bu
       FROM fairs f WHERE EXISTS (SELECT 1 FROM booths b WHERE b.fair_id = f.id) ORDER BY f.id LIMIT 1`,
  );
  const times = [];
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, i) => {
      for (let k = 0; k < WRITES_EACH; k++) {
        const t = performance.now();
        await c.query('BEGIN');
        await c.query(
          `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency, incoterm,
                                  incoterm_place, payment_terms, status, declared_by_company_id, total, fx_rate, fx_date,
                                  total_usd, confirmed_at)
           VALUES ($1, $2, $3, $4, $5, 'contract', 'USD', 'FOB', 'Hải Phòng', 'tt', 'confirmed', $3, 100, 1, $5, 100, now())`,
          [pair.fair_id, pair.ex, pair.bu, `BENCH-C-${i}-${k}`, pair.day],
        );
        await c.query('COMMIT');
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  times.sort((a, b) => a - b);
  return {
    n: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    perSecond: times.length / seconds,
  };
}

async function drive(autocannon, base, token, paths) {
  let next = 0;
  const times = [];
  let errors = 0;
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (req) => {
          req.path = paths[next++ % paths.length];
          return req;
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    if (statusCode !== 200) errors++;
  });
  const result = await new Promise((resolve, reject) => instance.once('done', resolve).once('error', reject));
  times.sort((a, b) => a - b);
  return {
    n: times.length,
    errors: errors + result.errors + result.timeouts,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.average,
  };
}

async function main() {
  buildServer(log);
  const pg = require('pg');
  const autocannon = require(join(root, 'node_modules/autocannon'));
  const { url, base, cleanup } = await startStack({
    name: 'dashboard',
    log,
    env: { ACCESS_TOKEN_TTL: '3600' },
  });
  try {
    const data = await load(pg, url);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login → ${login.status} ${await login.text()}`);
    const { accessToken } = await login.json();
    if (process.env.BENCH_KEEP) {
      log(`keeping ${base} and ${url} until Ctrl-C; token ${accessToken}`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
      await cleanup();
      return;
    }

    const fairPaths = data.fairIds.map((id) => `/api/dashboard?fairId=${id}`);
    const allPaths = ['/api/dashboard'];
    // single requests first (warm-up and a correctness look at the brief's years)
    const headers = { authorization: `Bearer ${accessToken}` };
    const single = async (path) => {
      const t0 = performance.now();
      const res = await fetch(base + path, { headers });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, body };
    };
    const brief = await single('/api/dashboard?from=2016&to=2020');
    log(
      `2016–2020: ${brief.body.exhibitors.participations} exhibitor participations (${brief.body.exhibitors.firms} firms, ${brief.body.exhibitors.legacyProvinces} legacy provinces), ${brief.body.buyers.participations} importer participations (${brief.body.buyers.firms} firms, ${brief.body.buyers.countries} countries), ${brief.body.contracts.count} contracts, ${brief.body.contracts.confirmedUsd} USD confirmed`,
    );
    for (const path of [...fairPaths.slice(0, 3), ...allPaths]) {
      const times = [];
      for (let i = 0; i < 5; i++) times.push((await single(path)).ms);
      // the first request of a scope computes the statement; the next ones find it cached until a write
      const cold = times[0];
      times.sort((a, b) => a - b);
      log(
        `single ${path.padEnd(60)} uncached ${cold.toFixed(1)} ms, then median ${percentile(times, 50).toFixed(1)} ms`,
      );
    }

    const show = (label, r) =>
      log(
        `${label}: ${r.n} requests (${r.errors} errors), p50 ${r.p50.toFixed(1)} ms · p95 ${r.p95.toFixed(1)} ms · p99 ${r.p99.toFixed(1)} ms · ${r.rps.toFixed(0)} req/s`,
      );
    const fair = await drive(autocannon, base, accessToken, fairPaths);
    show('per-fair view, cached (no writes)', fair);
    const all = await drive(autocannon, base, accessToken, allPaths);
    show('all-fairs view, cached (no writes)', all);

    // every request right after a committed write: always computed
    const w = await writer(pg, url);
    const cold = async (paths) => {
      const times = [];
      for (let i = 0; i < COLD; i++) {
        await w.write();
        times.push((await single(paths[i % paths.length])).ms);
      }
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
    };
    const fairCold = await cold(fairPaths);
    log(
      `per-fair view, each request right after a write (uncached): p50 ${fairCold.p50.toFixed(1)} ms · p95 ${fairCold.p95.toFixed(1)} ms · max ${fairCold.max.toFixed(1)} ms (${COLD} requests)`,
    );
    const allCold = await cold(allPaths);
    log(
      `all-fairs view, each request right after a write (uncached): p50 ${allCold.p50.toFixed(1)} ms · p95 ${allCold.p95.toFixed(1)} ms · max ${allCold.max.toFixed(1)} ms (${COLD} requests)`,
    );

    // load while a writer commits every WRITE_MS ms
    w.start();
    const fairW = await drive(autocannon, base, accessToken, fairPaths);
    show(`per-fair view, a write every ${WRITE_MS} ms`, fairW);
    const allW = await drive(autocannon, base, accessToken, allPaths);
    show(`all-fairs view, a write every ${WRITE_MS} ms`, allW);
    const written = await w.stop();
    written.times.sort((a, b) => a - b);
    log(
      `writer: ${written.writes} transactions (record with 2 lines or confirm), p50 ${percentile(written.times, 50).toFixed(1)} ms · p95 ${percentile(written.times, 95).toFixed(1)} ms`,
    );

    const hot = await contention(pg, url);
    log(
      `${WRITERS} concurrent writers on one fair, day and status: ${hot.n} commits, p50 ${hot.p50.toFixed(1)} ms · p95 ${hot.p95.toFixed(1)} ms · ${hot.perSecond.toFixed(0)} commits/s`,
    );
    const check = await single('/api/dashboard');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const {
      rows: [truth],
    } = await client.query(
      `SELECT count(*)::int AS n, coalesce(sum(total_usd) FILTER (WHERE status = 'confirmed'), 0)::numeric(20,2)::text AS usd
         FROM contracts WHERE status <> 'cancelled'`,
    );
    await client.end();
    const exact = check.body.contracts.count === truth.n && check.body.contracts.confirmedUsd === truth.usd;
    log(
      `after all writes: dashboard ${check.body.contracts.count} contracts, ${check.body.contracts.confirmedUsd} USD confirmed; contracts table ${truth.n}, ${truth.usd} USD (${exact ? 'exact' : 'MISMATCH'})`,
    );
    log(
      `${CONNECTIONS} connections, ${DURATION} s each, ${data.contracts} contracts over ${data.fairIds.length} fairs (goal p95 ≤ ${GOAL_P95_MS} ms each, also right after writes)`,
    );
    await cleanup();
    console.log(
      JSON.stringify({
        contracts: data.contracts,
        fair_p95_ms: Number(fair.p95.toFixed(2)),
        all_p95_ms: Number(all.p95.toFixed(2)),
        fair_uncached_p95_ms: Number(fairCold.p95.toFixed(2)),
        all_uncached_p95_ms: Number(allCold.p95.toFixed(2)),
        fair_writes_p95_ms: Number(fairW.p95.toFixed(2)),
        all_writes_p95_ms: Number(allW.p95.toFixed(2)),
        writes: written.writes,
        hot_writers_commit_p95_ms: Number(hot.p95.toFixed(2)),
        exact,
      }),
    );
    if (fair.errors || all.errors || fairW.errors || allW.errors || !exact) process.exitCode = 1;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

requireInstall();
await main();
