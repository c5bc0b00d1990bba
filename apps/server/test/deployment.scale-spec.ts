import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import sharp from 'sharp';
import { io, type Socket } from 'socket.io-client';
import type { AppNotification, AuthSession, ExhibitorProfile, FileRef } from '@craftmatch/shared';
import { hashPassword } from '../src/common/passwords';
import { freePort } from './free-port';
import { multipart } from './multipart';

/**
 * The deployment described in README.md (Deployment), run for real: two production instances of the
 * built server on one PostgreSQL database, one Redis and one shared FILES_DIR, behind
 * deploy/load-balancer.mjs with TLS and sticky socket.io sessions; then deploy/backup.sh while they
 * run, the database and the photos wiped, deploy/restore.sh, and the same data served again.
 */
const run = promisify(execFile);
const REDIS_URL = process.env.REDIS_URL;
const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'apps', 'server', 'dist', 'main.js');
/** The Node.js options production runs the server with: those of its `serve` script (the README's). */
const SERVE_OPTIONS: string[] = (
  JSON.parse(readFileSync(join(ROOT, 'apps', 'server', 'package.json'), 'utf8')) as {
    scripts: { serve: string };
  }
).scripts.serve
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));
const DEPLOY = join(ROOT, 'deploy');
const PASSWORD = 'Gom-BatTrang-2026!deploy';

interface Proc {
  child: ChildProcess;
  output: string;
  exited: Promise<number | null>;
}

function start(command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = {
    child,
    output: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  const add = (chunk: Buffer) => (proc.output += chunk.toString());
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return proc;
}

/** Resolves once the process printed `ready`; fails with its output if it exits first. */
function ready(proc: Proc, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(proc.output)) return;
      proc.child.stdout?.off('data', check);
      proc.child.stderr?.off('data', check);
      resolve();
    };
    proc.child.stdout?.on('data', check);
    proc.child.stderr?.on('data', check);
    void proc.exited.then((code) => reject(new Error(`exited with ${code} before ready:\n${proc.output}`)));
    check();
  });
}

async function stop(proc: Proc | undefined): Promise<number | null> {
  if (!proc) return null;
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
  return proc.exited;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
}

describe('deployment: two instances behind the load balancer, backup and restore', () => {
  let admin: string;
  let dbName: string;
  let dbUrl: string;
  let work: string;
  let filesDir: string;
  let ca: string;
  /** The client's own loopback address: the balancer must report it, whatever the client claims. */
  const clientIp = `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
  const ports: number[] = [];
  let lbPort = 0;
  /** A second balancer over the same instances, socket.io over WebSocket only (no sticky cookie). */
  let wsOnlyPort = 0;
  let wsOnly: Proc | undefined;
  let instances: Proc[] = [];
  let lb: Proc | undefined;
  const sockets: Socket[] = [];
  const secret = randomBytes(48).toString('base64url');

  const organizerEmail = `organizer.${randomBytes(3).toString('hex')}@deploy.example`;
  const ownerEmail = `owner.${randomBytes(3).toString('hex')}@deploy.example`;
  let companyId: string;
  let organizerToken: string;
  let ownerToken: string;
  let logo: FileRef;
  let logoSha: string;
  let backup: string;

  /** Any request to the balancer (HTTPS, our certificate) or straight to one instance (HTTP). */
  function call(
    method: string,
    path: string,
    options: { instance?: number; headers?: Record<string, string>; body?: Buffer | string } = {},
  ): Promise<Answer> {
    const direct = options.instance !== undefined;
    const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
    const headers = { ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    return new Promise((resolve, reject) => {
      const onAnswer = (res: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buffer = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: buffer,
            json: <T>() => JSON.parse(buffer.toString()) as T,
          });
        });
        res.on('error', reject);
      };
      const req = direct
        ? http.request(
            { host: '127.0.0.1', port: ports[options.instance as number], method, path, headers },
            onAnswer,
          )
        : https.request(
            { host: '127.0.0.1', port: lbPort, method, path, headers, ca, localAddress: clientIp },
            onAnswer,
          );
      req.on('error', reject);
      req.end(body);
    });
  }

  async function signIn(email: string): Promise<{ session: AuthSession; answer: Answer }> {
    const answer = await call('POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(answer.status).toBe(200);
    return { session: answer.json<AuthSession>(), answer };
  }

  function connectSocket(
    token: string,
    options: {
      transports: ('websocket' | 'polling')[];
      cookie?: string;
      sticky?: boolean;
      port?: number;
    },
  ): Promise<Socket> {
    const socket = io(`https://127.0.0.1:${options.port ?? lbPort}`, {
      path: '/socket.io',
      auth: { token },
      transports: options.transports,
      upgrade: false,
      reconnection: false,
      ca,
      // The polling client keeps the balancer's cookie (sticky session) only with credentials.
      withCredentials: options.sticky ?? true,
      agent: new https.Agent({ ca, localAddress: clientIp }) as unknown as string,
      extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  /** The production environment of one instance, as README.md (Deployment) lists it. */
  const instanceEnv = (port: number): Record<string, string> => ({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: dbUrl,
    REDIS_URL: REDIS_URL as string,
    JWT_SECRET: secret,
    PUBLIC_URL: `https://localhost:${lbPort}`,
    FILES_DIR: filesDir,
    LOG_LEVEL: 'warn',
  });

  async function startInstances(): Promise<Proc[]> {
    const started = ports.map((port) => start(process.execPath, [...SERVE_OPTIONS, MAIN], instanceEnv(port)));
    instances = started;
    await Promise.all(started.map((p) => ready(p, /Press Ctrl-C/)));
    return started;
  }

  /** Until the balancer, checking every 200 ms, routes to the instances again. */
  async function balancerAnswers(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const health = await call('GET', '/api/health').catch(() => null);
      if (health?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the balancer never answered:\n${lb?.output}`);
  }

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error('REDIS_URL must be set for the scale tests (npm run test:scale).');
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first.`);
    admin = process.env.CM_TEST_ADMIN_URL as string;

    // pg_dump refuses a server newer than itself: say so plainly instead of failing at the backup.
    const { stdout } = await run('pg_dump', ['--version']);
    const dumpMajor = Number(/(\d+)\./.exec(stdout)?.[1]);
    const probe = new Client({ connectionString: admin });
    await probe.connect();
    const [{ server_version_num: versionNum }] = (await probe.query('SHOW server_version_num')).rows;
    const serverMajor = Math.floor(Number(versionNum) / 10000);
    if (dumpMajor < serverMajor) {
      await probe.end();
      throw new Error(
        `pg_dump ${dumpMajor} cannot back up PostgreSQL ${serverMajor}: run with TEST_DATABASE_URL naming a server of major version ${dumpMajor} or older.`,
      );
    }
    // A database of its own, empty: the instances migrate it themselves when they start.
    dbName = `cm_deploy_${process.pid}_${randomBytes(3).toString('hex')}`;
    await probe.query(`CREATE DATABASE "${dbName}"`);
    await probe.end();
    const url = new URL(admin);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();

    work = mkdtempSync(join(tmpdir(), 'craftmatch-deploy-'));
    filesDir = join(work, 'files');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(work, 'key.pem'),
        '-out',
        join(work, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(work, 'cert.pem'), 'utf8');

    ports.push(await freePort(), await freePort());
    lbPort = await freePort();
    wsOnlyPort = await freePort();
    // Both instances start at once on the empty database: one applies the migrations, the other waits.
    const [first, second] = await startInstances();
    const applied = [first, second].filter((p) => p.output.includes('Applied migrations'));
    expect(applied).toHaveLength(1);

    const balancer = (port: number, extra: Record<string, string> = {}) =>
      start(process.execPath, [join(DEPLOY, 'load-balancer.mjs')], {
        BACKENDS: ports.map((p) => `127.0.0.1:${p}`).join(','),
        LB_HOST: '127.0.0.1',
        LB_PORT: String(port),
        TLS_CERT: join(work, 'cert.pem'),
        TLS_KEY: join(work, 'key.pem'),
        HEALTH_INTERVAL_MS: '200',
        ...extra,
      });
    lb = balancer(lbPort);
    wsOnly = balancer(wsOnlyPort, { WEBSOCKET_ONLY: '1' });
    await Promise.all([ready(lb, /\[lb\] listening/), ready(wsOnly, /\[lb\] listening/)]);

    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const hash = await hashPassword(PASSWORD);
      const user = async (email: string, role: string) =>
        (
          await db.query(
            `INSERT INTO users (email, password_hash, full_name, role, locale, email_verified_at)
             VALUES ($1, $2, 'Nguyễn Văn Triển Khai', $3, 'vi', now()) RETURNING id`,
            [email, hash, role],
          )
        ).rows[0].id as string;
      await user(organizerEmail, 'organizer');
      const ownerId = await user(ownerEmail, 'exhibitor');
      companyId = (
        await db.query(
          `INSERT INTO companies (kind, name, status) VALUES ('exhibitor', 'Gốm Sứ Bát Tràng Triển Khai', 'pending') RETURNING id`,
        )
      ).rows[0].id;
      await db.query(`INSERT INTO company_memberships (company_id, user_id, role) VALUES ($1, $2, 'owner')`, [
        companyId,
        ownerId,
      ]);
    } finally {
      await db.end();
    }
  }, 150_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([...instances.map(stop), stop(lb), stop(wsOnly)]);
    if (dbName) {
      const client = new Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await client.end();
    }
    if (work) rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('answers health checks over HTTPS through the balancer, from both instances', async () => {
    for (let i = 0; i < 4; i++) {
      const health = await call('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', database: 'up' });
      expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    }
    // Each instance also answers on its own (the balancer's health check).
    for (const instance of [0, 1]) expect((await call('GET', '/api/health', { instance })).status).toBe(200);
  });

  it('signs in through the balancer: a Secure refresh cookie, the real client address, refresh on any instance', async () => {
    const { session, answer } = await signIn(ownerEmail);
    ownerToken = session.accessToken;
    organizerToken = (await signIn(organizerEmail)).session.accessToken;
    const cookie = [answer.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('cm_refresh'));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\/api\/auth/);

    // The balancer replaced the X-Forwarded-For the client sent with the address it really came from.
    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT DISTINCT r.ip FROM refresh_tokens r JOIN users u ON u.id = r.user_id WHERE u.email = $1`,
        [ownerEmail],
      );
      expect(rows).toEqual([{ ip: clientIp }]);
    } finally {
      await db.end();
    }

    // The refresh token works whichever instance the balancer picks (twice: both instances).
    let refresh = (cookie as string).split(';')[0];
    for (let i = 0; i < 2; i++) {
      const renewed = await call('POST', '/api/auth/refresh', { headers: { cookie: refresh } });
      expect(renewed.status).toBe(200);
      expect(renewed.json<AuthSession>().user.email).toBe(ownerEmail);
      const next = [renewed.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('cm_refresh'));
      refresh = (next as string).split(';')[0];
    }
  });

  it('delivers an event emitted by instance 1 to clients connected through the balancer to instance 2', async () => {
    // Pinned to instance 2 by the balancer's sticky cookie, over WebSocket (WSS).
    const instance2 = createHash('sha256').update(`127.0.0.1:${ports[1]}`).digest('hex').slice(0, 12);
    const onTwo = await connectSocket(ownerToken, {
      transports: ['websocket'],
      cookie: `cm_upstream=${instance2}`,
    });
    // Long polling: several requests per session, kept on one instance by the sticky cookie.
    const polling = await connectSocket(ownerToken, { transports: ['polling'] });
    const pong = await polling.timeout(5000).emitWithAck('ping');
    expect(pong).toMatchObject({ pong: true });

    // Through the WebSocket-only balancer, round robin with no cookie: one socket on each instance.
    const plain = await Promise.all(
      [0, 1].map(() => connectSocket(ownerToken, { transports: ['websocket'], port: wsOnlyPort })),
    );

    const received = [onTwo, polling, ...plain].map(
      (socket) => new Promise<AppNotification>((resolve) => socket.once('notification:new', resolve)),
    );
    const approved = await call('POST', `/api/companies/${companyId}/approve`, {
      instance: 0,
      headers: { authorization: `Bearer ${organizerToken}` },
    });
    expect(approved.status).toBe(201);
    for (const note of received) {
      await expect(note).resolves.toMatchObject({ type: 'company.approved' });
    }
  });

  it('loses long-polling without the sticky cookie; the WebSocket-only balancer refuses it outright', async () => {
    await expect(connectSocket(ownerToken, { transports: ['polling'], sticky: false })).rejects.toThrow();
    // The WebSocket-only balancer refuses long-polling outright.
    await expect(
      connectSocket(ownerToken, { transports: ['polling'], port: wsOnlyPort }),
    ).rejects.toMatchObject({ description: 400 });
  });

  it('stores a photo uploaded through the balancer in FILES_DIR and serves it from both instances', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#B5651D' } })
      .png()
      .toBuffer();
    const body = multipart({ content: png, filename: 'logo.png', contentType: 'image/png' });
    const uploaded = await call('POST', `/api/exhibitors/${companyId}/logo`, {
      headers: { authorization: `Bearer ${ownerToken}`, ...body.headers },
      body: body.payload,
    });
    expect(uploaded.status).toBe(201);
    logo = uploaded.json<FileRef>();
    const served = await Promise.all([0, 1].map((instance) => call('GET', logo.url, { instance })));
    for (const answer of served) expect(answer.status).toBe(200);
    expect(served[0].body.equals(served[1].body)).toBe(true);
    logoSha = createHash('sha256').update(served[0].body).digest('hex');
    const { stdout } = await run('find', [filesDir, '-type', 'f']);
    expect(stdout).toContain(logo.id);
  });

  it('backs up while running, and restores the database and the photos after both are wiped', async () => {
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: dbUrl, FILES_DIR: filesDir };
    const made = await run(join(DEPLOY, 'backup.sh'), [join(work, 'backups')], { env });
    backup = made.stdout.trim();
    expect(readFileSync(join(backup, 'SHA256SUMS'), 'utf8')).toMatch(/database\.dump\n.*files\.tar\.gz\n/);

    // Disaster: the instances stop, the database and every photo are gone.
    const codes = await Promise.all(instances.map(stop));
    expect(codes).toEqual([0, 0]);
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
    await client.end();
    rmSync(filesDir, { recursive: true, force: true });

    const restored = await run(join(DEPLOY, 'restore.sh'), [backup], { env });
    expect(restored.stdout).toContain(`restored ${backup}`);
    // A second restore over the live data is refused without FORCE=1.
    await expect(run(join(DEPLOY, 'restore.sh'), [backup], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('not empty'),
    });
    const restarted = await startInstances();
    for (const p of restarted) expect(p.output).not.toContain('Applied migrations');
    await balancerAnswers();

    const again = await signIn(ownerEmail);
    const profile = await call('GET', `/api/exhibitors/${companyId}/profile`, {
      headers: { authorization: `Bearer ${again.session.accessToken}` },
    });
    expect(profile.status).toBe(200);
    expect(profile.json<ExhibitorProfile>()).toMatchObject({ logo: { id: logo.id } });
    const company = await call('GET', `/api/companies/${companyId}`, {
      headers: { authorization: `Bearer ${organizerToken}` },
    });
    expect(company.json()).toMatchObject({ id: companyId, status: 'approved' });
    for (const path of [logo.url, logo.thumbUrl as string]) {
      const served = await call('GET', path);
      expect(served.status).toBe(200);
      if (path === logo.url) expect(createHash('sha256').update(served.body).digest('hex')).toBe(logoSha);
    }
  }, 120_000);
});
