#!/usr/bin/env node
// How close the API comes to the ceiling of this machine. Self-contained like bench/search.mjs: builds the
// shared library and the server, starts its own embedded PostgreSQL and the built server on free ports
// (never touching .data/), adds one organizer and one fair (4 days, 3 halls, 60 booths), then measures in the
// same run, with the same autocannon settings (BENCH_CONNECTIONS connections × BENCH_DURATION s, after a
// BENCH_WARMUP s warm-up each):
//   bare: a `node:http` hello-world in a child process of its own (the ceiling: one Node process, no work);
//   api:  the authenticated GET /api/organizer/fairs/:id (organizer token, permission fairs.read; the fair
//         with its days and halls, read from PostgreSQL every time).
// BENCH_ROUNDS rounds (bare then api, alternating) smooth the noise of a busy machine; the figures are each
// side's best round. Prints every round and the load average, ends with one JSON line.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessToken,
  buildServer,
  cpuSplitMs,
  freePort,
  loadAverage,
  percentile,
  require,
  requireInstall,
  rssMb,
  runAutocannon,
  startStack,
  stopProcess,
} from './harness.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const GOAL_RATIO = 0.35;
// the server's log level; at 'info' (the default) it logs a line per request, which a deployment behind a
// load balancer that logs them already can leave to it (README, Deployment: LOG_LEVEL info or warn)
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';

const log = (...args) => console.log('[bench:http]', ...args);

const BARE_SERVER = `
const http = require('node:http');
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('hello world');
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));`;

async function startBare() {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BARE_SERVER], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  child.removeAllListeners('exit');
  child.stdout.resume();
  return { child, base: `http://127.0.0.1:${port}` };
}

/** One organizer and one fair with days, halls and booths, straight in the database. */
async function seed(pg, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [user],
    } = await client.query(
      `INSERT INTO users (email, full_name, role, locale, email_verified_at)
       VALUES ('bench-http-organizer@craftmatch.example', 'Bench Organizer', 'organizer', 'en', now()) RETURNING id`,
    );
    const {
      rows: [fair],
    } = await client.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, contract_target_usd)
       VALUES ('bench-http-fair', 'Hội chợ Thủ công mỹ nghệ', 'Handicraft Fair', 'Hà Nội', 'registration', '5000000.00')
       RETURNING id`,
    );
    await client.query(
      `INSERT INTO fair_days (fair_id, day, opens_at, closes_at)
       SELECT $1, current_date + 30 + d, '08:30', '17:00' FROM generate_series(0, 3) d`,
      [fair.id],
    );
    await client.query(
      `INSERT INTO halls (fair_id, code, name) SELECT $1, h, 'Hall ' || h FROM unnest(ARRAY['A','B','C']) h`,
      [fair.id],
    );
    await client.query(
      `WITH c AS (INSERT INTO companies (kind, name, status)
                  SELECT 'exhibitor', 'Làng nghề ' || g, 'approved' FROM generate_series(1, 60) g RETURNING id)
       INSERT INTO booths (fair_id, company_id, status, hall_id, code)
       SELECT $1, c.id, 'approved', (SELECT id FROM halls WHERE fair_id = $1 AND code = 'A'),
              'A-' || row_number() OVER (ORDER BY c.id)
         FROM c`,
      [fair.id],
    );
    return { userId: user.id, fairId: fair.id };
  } finally {
    await client.end();
  }
}

async function measure(label, pid, options) {
  await runAutocannon({ ...options, connections: CONNECTIONS, duration: WARMUP });
  const cpu0 = cpuSplitMs(pid);
  const times = [];
  let bad = 0;
  const result = await runAutocannon(
    { ...options, connections: CONNECTIONS, duration: DURATION },
    (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode !== 200) bad++;
    },
  );
  const cpu1 = cpuSplitMs(pid);
  const userPerRequest = (cpu1.user - cpu0.user) / Math.max(1, times.length);
  const kernelPerRequest = (cpu1.kernel - cpu0.kernel) / Math.max(1, times.length);
  const cpuPerRequest = userPerRequest + kernelPerRequest;
  times.sort((a, b) => a - b);
  const rps = result.requests.average;
  const p99 = percentile(times, 99);
  log(
    `${label.padEnd(4)} ${rps.toFixed(0).padStart(6)} req/s · p50 ${percentile(times, 50).toFixed(1)} ms · p99 ${p99.toFixed(1)} ms · ${times.length} responses (${bad} not 200, ${result.errors} errors) · server CPU ${cpuPerRequest.toFixed(3)} ms/request (user ${userPerRequest.toFixed(3)}, kernel ${kernelPerRequest.toFixed(3)}), RSS ${rssMb(pid).toFixed(0)} MB · load ${loadAverage()}`,
  );
  return { rps, p99, cpuPerRequest, bad: bad + result.errors + result.timeouts };
}

async function main() {
  buildServer(log);
  const pg = require('pg');
  const secret = randomBytes(32).toString('hex');
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops
  const nodeArgs = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const { url, base, cleanup, server } = await startStack({
    name: 'http',
    log,
    env: { JWT_SECRET: secret, LOG_LEVEL: LOG_LEVEL },
    nodeArgs,
  });
  let bare;
  try {
    const { userId, fairId } = await seed(pg, url);
    const token = accessToken(secret, { sub: userId, role: 'organizer' });
    const path = `/api/organizer/fairs/${fairId}`;
    const check = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    const body = await check.json();
    if (
      check.status !== 200 ||
      body.days?.length !== 4 ||
      body.halls?.length !== 3 ||
      body.boothCount !== 60
    ) {
      throw new Error(`GET ${path} → ${check.status} ${JSON.stringify(body)}`);
    }
    if ((await fetch(base + path)).status !== 401) throw new Error(`GET ${path} without a token is not 401`);
    log(`GET ${path} answers ${JSON.stringify(body).length} bytes of JSON; without a token, 401`);
    bare = await startBare();

    log(
      `${CONNECTIONS} connections × ${DURATION} s (after ${WARMUP} s warm-up), ${ROUNDS} rounds, server log level ${LOG_LEVEL} (BENCH_LOG_LEVEL), load ${loadAverage()}`,
    );
    const bareRuns = [];
    const apiRuns = [];
    for (let round = 1; round <= ROUNDS; round++) {
      bareRuns.push(await measure('bare', bare.child.pid, { url: bare.base + '/' }));
      apiRuns.push(
        await measure('api', server.pid, { url: base + path, headers: { authorization: `Bearer ${token}` } }),
      );
    }
    const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const [bareBest, apiBest] = [best(bareRuns), best(apiRuns)];
    const ratio = apiBest.rps / bareBest.rps;
    console.log('');
    log(
      `bare node:http ${bareBest.rps.toFixed(0)} req/s · API ${apiBest.rps.toFixed(0)} req/s (p99 ${apiBest.p99.toFixed(1)} ms) · ratio ${ratio.toFixed(3)} (goal ≥ ${GOAL_RATIO}) · load ${loadAverage()}`,
    );
    log(
      `server CPU per request: bare ${bareBest.cpuPerRequest.toFixed(3)} ms, API ${apiBest.cpuPerRequest.toFixed(3)} ms (ratio by CPU ${(bareBest.cpuPerRequest / apiBest.cpuPerRequest).toFixed(3)})`,
    );
    await stopProcess(bare.child);
    await cleanup();
    console.log(
      JSON.stringify({
        bare_rps: Number(bareBest.rps.toFixed(0)),
        api_rps: Number(apiBest.rps.toFixed(0)),
        ratio: Number(ratio.toFixed(3)),
      }),
    );
    if ([...bareRuns, ...apiRuns].some((r) => r.bad)) process.exitCode = 1;
  } catch (error) {
    await stopProcess(bare?.child);
    await cleanup();
    throw error;
  }
}

requireInstall();
await main();
