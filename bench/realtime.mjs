#!/usr/bin/env node
// Live updates at fair scale: two server instances behind one Redis (the socket.io Redis adapter), BENCH_CLIENTS
// socket.io clients (5,000) spread over both, and BENCH_RATE meeting accepts a second (200) for BENCH_DURATION s,
// after a warm-up that is not counted: BENCH_WARMUP s (30) with the rate rising evenly from 0 to BENCH_RATE, as
// traffic grows when a fair opens (new pool connections, cold JIT and caches; a cold start at full rate only
// measures its own backlog). 30 s, 3,000 accepts: after a 10 s ramp (1,000) the servers still spent 4.8–5.0 ms
// of CPU per accept, against 4.1–4.5 ms once warm, and on this 2-core machine that difference is the backlog.
// Each accept is sent by the exhibitor to one instance; the time measured runs from just before the request is
// sent to the 'meeting:changed' event (what the meetings module emits, modules/meeting-events) reaching the
// buyer's socket, which is connected to the OTHER instance, so every event crosses Redis.
// Self-contained: builds the server unless BENCH_SKIP_BUILD=1, uses the machine's PostgreSQL at DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432) in a database of its own, created and dropped here, and Redis
// at REDIS_URL (default redis://127.0.0.1:6379) in database BENCH_REDIS_DB (11); starts both servers on free
// ports and stops everything afterwards. Prints p50/p95/p99, the p99 of each second with the load generator's own
// longest event-loop stall in it, the servers' memory per 1,000 connections and the load average, and ends with
// one JSON line.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  accessToken,
  buildServer,
  cpuMs as cpuOf,
  createDatabase,
  freePort,
  loadAverage,
  percentile,
  require,
  requireInstall,
  seedBenchFair,
  rssMb,
  startServer,
  stopProcess,
} from './harness.mjs';

/** The longest event-loop delay of this process in each second from start() to stop(), in ms. */
function loopStalls() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const seconds = [];
  let timer;
  return {
    start() {
      histogram.enable();
      timer = setInterval(() => {
        seconds.push(histogram.max / 1e6);
        histogram.reset();
      }, 1000);
    },
    stop() {
      clearInterval(timer);
      histogram.disable();
      return seconds;
    },
  };
}

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_BASE = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_DB = Number(process.env.BENCH_REDIS_DB ?? 11);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const GOAL_P99_MS = 150;

const log = (...args) => console.log('[bench:realtime]', ...args);

function openFileLimit() {
  try {
    return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  } catch {
    return NaN;
  }
}

/**
 * A live fair 10 days ahead; CLIENTS / 2 exhibitors (approved booth, one person each) and as many registered
 * buyers, paired one to one; for each pair enough pending requests (buyer → exhibitor, one slot each, a
 * different slot per request of the pair) for the whole run.
 */
async function seed(pg, url, pairs, perPair) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { fair } = await seedBenchFair(client, { slug: 'bench-realtime', people: pairs });
    await client.query(
      `CREATE TEMP TABLE bench_requests AS
       SELECT gen_random_uuid() AS id, r.n, e.k AS pair, s AS slot_start, s + interval '30 minutes' AS slot_end,
              e.company_id AS e_company, e.user_id AS e_user, b.company_id AS b_company, b.user_id AS b_user
         FROM generate_series(0, $2::int - 1) r(n)
         JOIN bench_exhibitor e ON true
         JOIN bench_buyer b ON b.k = e.k
         CROSS JOIN LATERAL (SELECT ((current_date + 10)::timestamp + time '08:00') AT TIME ZONE f.time_zone
                                    + r.n * interval '35 minutes' AS s
                               FROM fairs f WHERE f.id = $1) slot`,
      [fair.id, perPair],
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
    const people = (
      await client.query(
        `SELECT e.k, e.user_id AS e_user, e.company_id AS e_company, b.user_id AS b_user, b.company_id AS b_company
           FROM bench_exhibitor e JOIN bench_buyer b ON b.k = e.k ORDER BY e.k`,
      )
    ).rows;
    // round by round, each round in random order: a pair's next request only after all pairs had one
    const requests = (
      await client.query(`SELECT id, pair, slot_start FROM bench_requests ORDER BY n, random()`)
    ).rows;
    return { people, requests };
  } finally {
    await client.end();
  }
}

/**
 * POSTs `body` with node:http over a keep-alive pool of at most 128 connections per instance (a browser
 * fleet's worth): lighter on this machine's CPU than fetch, and no storm of new connections when
 * answers slow down. Resolves with the status once the answer is read.
 */
function post(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** Connects `count` sockets with at most `parallel` handshakes at once. */
async function connectAll(io, targets, parallel = 100) {
  const sockets = new Array(targets.length);
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      const { base, token } = targets[i];
      const socket = io(base, {
        path: '/socket.io',
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 30_000,
      });
      sockets[i] = socket;
      await new Promise((resolve) => {
        socket.once('connect', resolve);
        socket.once('connect_error', () => {
          failed++;
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { sockets, failed };
}

async function main() {
  buildServer(log);
  const limit = openFileLimit();
  if (Number.isFinite(limit) && limit < CLIENTS + 1024) {
    log(
      `warning: the open-file limit (ulimit -n) is ${limit}; ${CLIENTS} sockets need at least ${CLIENTS + 1024}. Raise it (ulimit -n 65536) or lower BENCH_CLIENTS.`,
    );
  }
  const pg = require('pg');
  const { io } = require('socket.io-client');
  const redisUrl = new URL(REDIS_BASE);
  redisUrl.pathname = `/${REDIS_DB}`;
  log(
    `${CLIENTS} clients on 2 instances, ${RATE} accepts/s for ${DURATION} s after a ${WARMUP} s warm-up rising to that rate, Redis db ${REDIS_DB}, open-file limit ${limit}, load ${loadAverage()}`,
  );

  const db = await createDatabase(ADMIN_URL, 'craftmatch_bench_realtime');
  const servers = [];
  let sockets = [];
  try {
    const secret = randomBytes(32).toString('hex');
    // the job queue runs as in production: e-mail delivery is a background job, not part of the request
    const env = { JWT_SECRET: secret, REDIS_URL: redisUrl.toString(), JOBS: 'true' };
    // BENCH_CPU_PROF=<folder>: each server writes a V8 CPU profile there when it stops
    const nodeArgs = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
    // one after the other: the first applies the migrations
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push({
        port,
        base: `http://127.0.0.1:${port}`,
        child: await startServer({ url: db.url, port, env, nodeArgs }),
      });
    }
    log(`servers on ports ${servers.map((s) => s.port).join(' and ')}, database ${db.name}`);

    const pairs = Math.floor(CLIENTS / 2);
    const perPair = Math.max(1, Math.ceil((RATE * (WARMUP / 2 + DURATION + 2)) / pairs));
    const t0 = performance.now();
    const { people, requests } = await seed(pg, db.url, pairs, perPair);
    log(
      `seeded ${pairs} exhibitors, ${pairs} buyers, ${requests.length} pending requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const rssBefore = servers.map((s) => rssMb(s.child.pid));
    // buyer k on instance k % 2, exhibitor k on the other one; the exhibitor's accepts go to the buyer's other instance
    const targets = [];
    for (const p of people) {
      targets.push({
        base: servers[p.k % 2].base,
        token: accessToken(secret, { sub: p.b_user, role: 'buyer', cid: p.b_company }),
      });
      targets.push({
        base: servers[(p.k + 1) % 2].base,
        token: accessToken(secret, { sub: p.e_user, role: 'exhibitor', cid: p.e_company }),
      });
    }
    const c0 = performance.now();
    const connected = await connectAll(io, targets);
    sockets = connected.sockets;
    const connectSeconds = (performance.now() - c0) / 1000;
    const live = sockets.filter((s) => s?.connected).length;
    log(
      `${live} of ${targets.length} sockets connected in ${connectSeconds.toFixed(1)} s (${connected.failed} refused) · load ${loadAverage()}`,
    );
    // let the servers settle (GC) before reading their memory
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssAfter = servers.map((s) => rssMb(s.child.pid));
    const mbPer1000 = ((rssAfter[0] + rssAfter[1] - rssBefore[0] - rssBefore[1]) / live) * 1000;
    log(
      `server RSS before ${rssBefore.map((m) => m.toFixed(0)).join(' + ')} MB, with the sockets ${rssAfter.map((m) => m.toFixed(0)).join(' + ')} MB: ${mbPer1000.toFixed(1)} MB per 1,000 connections`,
    );

    // the buyer sockets time each meeting:changed against the moment its accept was sent
    const sentAt = new Map();
    const warmUp = new Set();
    const latencies = [];
    const bySecond = [];
    let unexpected = 0;
    people.forEach((p) => {
      const socket = sockets[2 * p.k];
      socket?.on('meeting:changed', (event) => {
        const t = sentAt.get(event.meetingId);
        if (t === undefined || event.status !== 'accepted') {
          unexpected++;
          return;
        }
        sentAt.delete(event.meetingId);
        if (warmUp.delete(event.meetingId)) return;
        const latency = performance.now() - t;
        latencies.push(latency);
        const second = Math.floor((t - measuredFrom) / 1000);
        (bySecond[second] ??= []).push(latency);
      });
    });

    const tokens = people.map(
      (p) => `Bearer ${accessToken(secret, { sub: p.e_user, role: 'exhibitor', cid: p.e_company })}`,
    );
    const agents = servers.map(() => new Agent({ keepAlive: true, maxSockets: 128 }));
    const statuses = new Map();
    const httpTimes = [];
    const inflight = new Set();
    const warmCount = Math.min(requests.length, Math.floor((RATE * WARMUP) / 2));
    const total = Math.min(requests.length, warmCount + RATE * DURATION);
    // accepts due `s` seconds in: the ramp's area, then the full rate
    const dueAt = (s) =>
      s < WARMUP ? Math.floor((RATE * s * s) / (2 * WARMUP)) : warmCount + Math.floor(RATE * (s - WARMUP));
    const started = performance.now();
    // this process's own longest event-loop stall in each second measured: a late 'meeting:changed'
    // may be the load generator's (GC of 5,000 sockets) rather than the servers'
    const stalls = loopStalls();
    let sent = 0;
    let measuredFrom = Infinity;
    let cpu0 = null;
    await new Promise((resolve) => {
      const tick = () => {
        const due = Math.min(total, dueAt((performance.now() - started) / 1000));
        while (sent < due) {
          if (sent === warmCount) {
            measuredFrom = performance.now();
            cpu0 = servers.map((s) => cpuOf(s.child.pid));
            stalls.start();
          }
          const warm = sent < warmCount;
          const r = requests[sent++];
          if (warm) warmUp.add(r.id);
          const base = servers[(r.pair + 1) % 2].base;
          const t = performance.now();
          sentAt.set(r.id, t);
          const p = post(
            agents[(r.pair + 1) % 2],
            `${base}/api/meetings/${r.id}/accept`,
            { authorization: tokens[r.pair], 'content-type': 'application/json' },
            JSON.stringify({ slotStart: new Date(r.slot_start).toISOString() }),
          )
            .then((status) => {
              if (!warm) httpTimes.push(performance.now() - t);
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status !== 200) sentAt.delete(r.id);
            })
            .catch((e) => {
              const key = `error ${e.code ?? e.message}`;
              statuses.set(key, (statuses.get(key) ?? 0) + 1);
              sentAt.delete(r.id);
            })
            .finally(() => inflight.delete(p));
          inflight.add(p);
        }
        if (sent >= total) resolve();
        else setTimeout(tick, 1);
      };
      tick();
    });
    const sendSeconds = (performance.now() - measuredFrom) / 1000;
    await Promise.all(inflight);
    // the last events: wait until every accepted meeting's event arrived, or 10 s
    const deadline = performance.now() + 10_000;
    while (sentAt.size && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const stallsBySecond = stalls.stop().slice(0, DURATION);
    const cpu = servers.map((s, i) => cpuOf(s.child.pid) - cpu0[i]);
    const measured = sent - warmCount;
    const missing = sentAt.size;
    latencies.sort((a, b) => a - b);
    httpTimes.sort((a, b) => a - b);
    const ok = statuses.get(200) ?? 0;
    const [p50, p95, p99] = [50, 95, 99].map((q) => percentile(latencies, q));
    console.log('');
    log(
      `${measured} accepts in ${sendSeconds.toFixed(1)} s (${(measured / sendSeconds).toFixed(0)}/s) after ${warmCount} in the warm-up; all: ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}; HTTP p50 ${percentile(httpTimes, 50).toFixed(1)} ms · p99 ${percentile(httpTimes, 99).toFixed(1)} ms`,
    );
    log(
      `accept sent → other party's meeting:changed (across instances): ${latencies.length} events, p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · p99 ${p99.toFixed(1)} ms (goal p99 ≤ ${GOAL_P99_MS} ms); ${missing} missing, ${unexpected} unexpected`,
    );
    log(
      `server CPU during the run: ${cpu.map((c) => `${(c / 1000).toFixed(1)} s`).join(' + ')} (${((cpu[0] + cpu[1]) / Math.max(1, measured)).toFixed(1)} ms per accept) · memory ${mbPer1000.toFixed(1)} MB per 1,000 connections · load ${loadAverage()}`,
    );
    log(
      `p99 by second of the measured run (from ${new Date(performance.timeOrigin + measuredFrom).toISOString()}, ms): ${Array.from(
        bySecond,
        (l) =>
          l
            ? percentile(
                l.sort((a, b) => a - b),
                99,
              ).toFixed(0)
            : '-',
      ).join(' ')}`,
    );
    log(
      `the load generator's longest event-loop stall by second (ms): ${stallsBySecond.map((ms) => ms.toFixed(0)).join(' ')}`,
    );
    for (const s of sockets) s?.disconnect();
    sockets = [];
    for (const a of agents) a.destroy();
    for (const s of servers) await stopProcess(s.child);
    await db.drop();
    console.log(
      JSON.stringify({
        clients: live,
        p50_ms: Number(p50.toFixed(1)),
        p95_ms: Number(p95.toFixed(1)),
        p99_ms: Number(p99.toFixed(1)),
        mb_per_1000: Number(mbPer1000.toFixed(1)),
      }),
    );
    if (missing || live < targets.length || ok < sent) process.exitCode = 1;
  } catch (error) {
    for (const s of sockets) s?.disconnect();
    for (const s of servers) await stopProcess(s.child);
    await db.drop();
    throw error;
  }
}

requireInstall();
await main();
