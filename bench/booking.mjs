#!/usr/bin/env node
// Booking throughput against what PostgreSQL itself can do, in one run, both on the machine's PostgreSQL
// server at DATABASE_URL (default postgres://postgres@127.0.0.1:5432), each in a database of its own that
// the bench creates and drops (never .data/, never an existing database):
//   (a) pgbench: BENCH_CLIENTS clients (50) for BENCH_DURATION s, one conflict-checked insert per transaction
//       into a table with the meetings' exclusion constraints (btree_gist EXCLUDE on person + tstzrange for
//       accepted/held rows, for both people); the ceiling of booking for this PostgreSQL;
//   (b) POST /api/meetings/:id/accept through the whole stack: the built server on its own port, migrations
//       applied, BENCH_CLIENTS autocannon connections for BENCH_DURATION s (after a BENCH_WARMUP s warm-up),
//       every request accepting a different pending meeting with the awaited exhibitor's own token. The real
//       path: validation, auth, ownership, the advisory lock, the blocked-slot check, the update under the
//       exclusion constraints, the notification row, the outbox e-mail, the audit entry, the socket emits. One meeting in
//       BENCH_CONFLICT_EVERY (20) collides with another on the exhibitor's slot, so some answers are 409.
// Prints both, the ratio and the load average, and ends with one JSON line.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import {
  accessToken,
  buildServer,
  busyShare,
  cpuMs,
  createDatabase,
  freePort,
  loadAverage,
  machineCpu,
  percentile,
  postgresBackendsGone,
  postgresCpuMs,
  reapedChildrenCpuMs,
  require,
  requireInstall,
  seedBenchFair,
  runAutocannon,
  startServer,
  stopProcess,
} from './harness.mjs';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 400); // exhibitors, and as many buyers
const CONFLICT_EVERY = Number(process.env.BENCH_CONFLICT_EVERY ?? 20);
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 100;

const log = (...args) => console.log('[bench:booking]', ...args);

function pgbenchBinary() {
  const own = '/usr/lib/postgresql/15/bin/pgbench';
  return existsSync(own) ? own : 'pgbench';
}

const PGBENCH_SCHEMA = `
  CREATE EXTENSION IF NOT EXISTS btree_gist;
  CREATE TABLE bookings (
    id bigserial PRIMARY KEY,
    buyer_id int NOT NULL,
    exhibitor_id int NOT NULL,
    status varchar(16) NOT NULL,
    time_range tstzrange NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookings_buyer_no_overlap
      EXCLUDE USING gist (buyer_id WITH =, time_range WITH &&) WHERE (status IN ('accepted','held')),
    CONSTRAINT bookings_exhibitor_no_overlap
      EXCLUDE USING gist (exhibitor_id WITH =, time_range WITH &&) WHERE (status IN ('accepted','held'))
  );`;

// one slot of 30 min every 35 min; a person and a slot drawn at random, so some inserts meet the constraint
const PGBENCH_SCRIPT = `\\set b random(1, ${PEOPLE})
\\set e random(1, ${PEOPLE})
\\set s random(0, 5000)
INSERT INTO bookings (buyer_id, exhibitor_id, status, time_range)
VALUES (:b, :e, 'accepted', tstzrange(timestamptz '2030-01-01 08:00+07' + :s * interval '35 minutes',
                                      timestamptz '2030-01-01 08:30+07' + :s * interval '35 minutes', '[)'))
ON CONFLICT DO NOTHING;
`;

async function pgbench(pg) {
  const db = await createDatabase(ADMIN_URL, 'craftmatch_bench_pgbench');
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(PGBENCH_SCHEMA);
    await client.end();
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'craftmatch-bench-pgbench-'));
    try {
      const script = join(dir, 'insert.sql');
      writeFileSync(script, PGBENCH_SCRIPT);
      const args = ['-n', '-c', String(CLIENTS), '-j', '2', '-f', script];
      execFileSync(pgbenchBinary(), [...args, '-T', String(WARMUP), db.url], { stdio: 'ignore' });
      // the CPU of PostgreSQL across the run, backends that end with it included (see postgresCpuMs)
      await postgresBackendsGone(db.name);
      const cpu0 = { pg: postgresCpuMs(), client: reapedChildrenCpuMs(), machine: machineCpu() };
      const out = execFileSync(pgbenchBinary(), [...args, '-T', String(DURATION), '-r', db.url], {
        encoding: 'utf8',
      });
      await postgresBackendsGone(db.name);
      const cpu1 = { pg: postgresCpuMs(), client: reapedChildrenCpuMs(), machine: machineCpu() };
      const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
      const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
      if (!Number.isFinite(tps)) throw new Error(`cannot read pgbench's tps:\n${out}`);
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const [{ n }] = (await c.query(`SELECT count(*)::int AS n FROM bookings`)).rows;
      await c.end();
      const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1]) || 1;
      return {
        tps,
        latency,
        rows: n,
        cpu: {
          pg: cpu0.pg === null ? null : (cpu1.pg - cpu0.pg) / transactions,
          client: (cpu1.client - cpu0.client) / transactions,
          busy: busyShare(cpu0.machine, cpu1.machine),
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await db.drop();
  }
}

/**
 * A live fair (4 days ahead, 08:00–18:00), PEOPLE exhibitors with approved booths and a person each, PEOPLE
 * registered buyers, and one pending request (buyer → exhibitor, one proposed slot) per exhibitor and slot,
 * buyers rotated so no two requests of one slot share a person; one in CONFLICT_EVERY gets a twin (same
 * exhibitor and slot, another buyer), so the second accept of the pair must be refused.
 */
async function seed(pg, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    const { fair } = await seedBenchFair(client, { slug: 'bench-booking', people: PEOPLE });
    // the fair's slots (30 min + 5 min buffer), as the server computes them
    await client.query(
      `CREATE TEMP TABLE bench_slots AS
       SELECT row_number() OVER (ORDER BY s) - 1 AS k, s AS slot_start, s + interval '30 minutes' AS slot_end
         FROM fairs f
         JOIN fair_days d ON d.fair_id = f.id
         CROSS JOIN LATERAL generate_series((d.day + d.opens_at) AT TIME ZONE f.time_zone,
                                            (d.day + d.closes_at) AT TIME ZONE f.time_zone - interval '30 minutes',
                                            interval '35 minutes') s
        WHERE f.id = $1`,
      [fair.id],
    );
    // one request per (slot, exhibitor); the buyer is the exhibitor's index shifted by the slot's
    await client.query(
      `CREATE TEMP TABLE bench_requests AS
       SELECT gen_random_uuid() AS id, s.slot_start, s.slot_end, e.company_id AS e_company, e.user_id AS e_user,
              b.company_id AS b_company, b.user_id AS b_user
         FROM bench_slots s
         JOIN bench_exhibitor e ON true
         JOIN bench_buyer b ON b.k = (e.k + s.k) % $1
       UNION ALL
       SELECT gen_random_uuid(), s.slot_start, s.slot_end, e.company_id, e.user_id, b.company_id, b.user_id
         FROM bench_slots s
         JOIN bench_exhibitor e ON (e.k + s.k) % $2 = 0
         JOIN bench_buyer b ON b.k = (e.k + s.k + 1) % $1`,
      [PEOPLE, CONFLICT_EVERY],
    );
    await client.query(
      `INSERT INTO meetings (id, fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                             requested_by_user_id, requester_company_id, awaiting_company_id, status, expires_at)
       SELECT id, $1, b_company, e_company, b_user, e_user, b_user, b_company, e_company, 'requested', slot_start
         FROM bench_requests`,
      [fair.id],
    );
    await client.query(
      `INSERT INTO meeting_proposals (meeting_id, slot_start, slot_end, proposed_by, round, kind)
       SELECT id, slot_start, slot_end, b_user, 1, 'request' FROM bench_requests`,
    );
    await client.query(`VACUUM ANALYZE`);
    // in random order, so concurrent accepts spread over people as they would at a fair
    const { rows } = await client.query(
      `SELECT r.id, r.slot_start, r.e_user, r.e_company FROM bench_requests r ORDER BY random()`,
    );
    log(
      `seeded ${PEOPLE} exhibitors, ${PEOPLE} buyers, ${rows.length} pending requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function api(pg) {
  const db = await createDatabase(ADMIN_URL, 'craftmatch_bench_booking');
  let server;
  try {
    const secret = randomBytes(32).toString('hex');
    const port = await freePort();
    const nodeArgs = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
    server = await startServer({ url: db.url, port, env: { JWT_SECRET: secret, JOBS: 'true' }, nodeArgs });
    const base = `http://127.0.0.1:${port}`;
    log(`server on port ${port}, database ${db.name} (migrations applied)`);
    const requests = await seed(pg, db.url);
    const tokens = new Map();
    const tokenOf = (r) => {
      if (!tokens.has(r.e_user)) {
        tokens.set(
          r.e_user,
          `Bearer ${accessToken(secret, { sub: r.e_user, role: 'exhibitor', cid: r.e_company, lng: 'vi' })}`,
        );
      }
      return tokens.get(r.e_user);
    };

    // one accept by hand: the answer is the accepted meeting
    const first = requests[0];
    const res = await fetch(`${base}/api/meetings/${first.id}/accept`, {
      method: 'POST',
      headers: { authorization: tokenOf(first), 'content-type': 'application/json' },
      body: JSON.stringify({ slotStart: new Date(first.slot_start).toISOString() }),
    });
    const body = await res.json();
    if (res.status !== 200 || body.status !== 'accepted')
      throw new Error(`accept → ${res.status} ${JSON.stringify(body)}`);

    let next = 1;
    const run = async (duration) => {
      const times = [];
      const statuses = new Map();
      const codes = new Map();
      const result = await runAutocannon(
        {
          url: base,
          connections: CLIENTS,
          duration,
          requests: [
            {
              method: 'POST',
              setupRequest: (req) => {
                const r = requests[next++ % requests.length];
                req.path = `/api/meetings/${r.id}/accept`;
                req.headers = { authorization: tokenOf(r), 'content-type': 'application/json' };
                req.body = JSON.stringify({ slotStart: new Date(r.slot_start).toISOString() });
                return req;
              },
              onResponse: (status, resBody) => {
                if (status === 409) {
                  const code = /"code":"(\w+)"/.exec(resBody)?.[1] ?? '?';
                  codes.set(code, (codes.get(code) ?? 0) + 1);
                }
              },
            },
          ],
        },
        (_client, statusCode, _bytes, responseTime) => {
          times.push(responseTime);
          statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
        },
      );
      times.sort((a, b) => a - b);
      return { result, times, statuses, codes };
    };
    await run(WARMUP);
    const reading = () => ({
      server: cpuMs(server.pid),
      pg: postgresCpuMs(),
      load: process.cpuUsage(),
      machine: machineCpu(),
    });
    const cpu0 = reading();
    const { result, times, statuses, codes } = await run(DURATION);
    const cpu1 = reading();
    const n = Math.max(1, times.length);
    const cpuPerRequest = (cpu1.server - cpu0.server) / n;
    const loadCpu = process.cpuUsage(cpu0.load);
    const cpu = {
      pg: cpu0.pg === null ? null : (cpu1.pg - cpu0.pg) / n,
      load: (loadCpu.user + loadCpu.system) / 1000 / n,
      busy: busyShare(cpu0.machine, cpu1.machine),
    };
    if (next > requests.length)
      log(`warning: ran out of pending requests (${requests.length}); raise BENCH_PEOPLE`);
    const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
    const conflicts = statuses.get(409) ?? 0;
    const other = times.length - ok - conflicts;
    // every 2xx is an accepted meeting, with its notification, its e-mail in the outbox and its audit entry
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const [counts] = (
      await c.query(
        `SELECT (SELECT count(*)::int FROM meetings WHERE status = 'accepted') AS accepted,
                (SELECT count(*)::int FROM notifications WHERE type = 'meeting.accepted') AS notifications,
                (SELECT count(*)::int FROM mail_outbox) AS mails,
                (SELECT count(*)::int FROM audit_log WHERE action = 'meeting.accepted') AS audited`,
      )
    ).rows;
    await c.end();
    return {
      rps: result.requests.average,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      ok,
      conflicts,
      codes,
      other,
      errors: result.errors + result.timeouts,
      cpuPerRequest,
      cpu,
      counts,
    };
  } finally {
    await stopProcess(server);
    await db.drop();
  }
}

async function main() {
  buildServer(log);
  const pg = require('pg');
  log(
    `PostgreSQL at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}, ${CLIENTS} clients × ${DURATION} s, load ${loadAverage()}`,
  );
  // pgbench's clients and the server's pool come out of the server's max_connections, shared with whoever else uses it
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const [{ max, used }] = (
    await admin.query(
      `SELECT current_setting('max_connections')::int AS max, (SELECT count(*)::int FROM pg_stat_activity) AS used`,
    )
  ).rows;
  await admin.end();
  if (max - used < CLIENTS + 20) {
    log(
      `warning: PostgreSQL allows ${max} connections and ${used} are in use; pgbench's ${CLIENTS} clients may crowd out others (or fail)`,
    );
  }
  const base = await pgbench(pg);
  log(
    `pgbench: ${base.tps.toFixed(0)} tps (conflict-checked inserts, ${base.rows} rows kept), latency ${base.latency.toFixed(1)} ms · load ${loadAverage()}`,
  );
  const a = await api(pg);
  log(
    `API accept: ${a.rps.toFixed(0)} req/s · p50 ${a.p50.toFixed(1)} ms · p99 ${a.p99.toFixed(1)} ms · ${a.ok} 2xx, ${a.conflicts} 409 (${[...a.codes].map(([k, v]) => `${k} ${v}`).join(', ')}), ${a.other} other, ${a.errors} errors · load ${loadAverage()}`,
  );
  log(`server CPU ${a.cpuPerRequest.toFixed(2)} ms per accept`);
  // Where the machine's CPU goes, per transaction: both sides share these cores with their load generator
  const cores = os.cpus().length;
  const ms = (v) => (v === null ? 'n/a' : `${v.toFixed(3)} ms`);
  log(
    `CPU per transaction on ${cores} cores · pgbench: PostgreSQL ${ms(base.cpu.pg)}, pgbench client ${ms(base.cpu.client)}, machine ${(base.cpu.busy * 100).toFixed(0)}% busy · accept: PostgreSQL ${ms(a.cpu.pg)}, server ${ms(a.cpuPerRequest)}, load generator ${ms(a.cpu.load)}, machine ${(a.cpu.busy * 100).toFixed(0)}% busy`,
  );
  if (base.cpu.pg !== null && a.cpu.pg !== null) {
    // what the cores allow: accepts/s if the machine did nothing but PostgreSQL's share of each accept
    const ceiling = (cores * 1000) / a.cpu.pg;
    log(
      `PostgreSQL alone spends ${(a.cpu.pg / base.cpu.pg).toFixed(1)}× pgbench's CPU on one accept: with the server and the load generator costing nothing, ${cores} cores would allow ${ceiling.toFixed(0)} accepts/s (ratio ${(ceiling / base.tps).toFixed(2)})`,
    );
  }
  log(
    `in the database: ${a.counts.accepted} accepted meetings, ${a.counts.notifications} notifications, ${a.counts.mails} e-mails in the outbox, ${a.counts.audited} audit entries`,
  );
  const ratio = a.rps / base.tps;
  console.log('');
  log(
    `ratio ${ratio.toFixed(3)} (goal ≥ ${GOAL_RATIO}) · p99 ${a.p99.toFixed(1)} ms (goal ≤ ${GOAL_P99_MS} ms)`,
  );
  console.log(
    JSON.stringify({
      pgbench_tps: Number(base.tps.toFixed(0)),
      api_rps: Number(a.rps.toFixed(0)),
      ratio: Number(ratio.toFixed(3)),
      p99_ms: Number(a.p99.toFixed(1)),
    }),
  );
  if (a.other || a.errors) process.exitCode = 1;
}

requireInstall();
await main();
