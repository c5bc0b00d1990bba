import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { freePort } from '../test/free-port';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const STRONG = 'c0ffee42-7d1e-4b7a-9f3e-1a2b3c4d5e6f-9a8b7c6d5e4f';

interface Run {
  code: number | null;
  output: string;
}

/**
 * Runs the built server as a real process (node directly, so killing it kills the server). Once `until`
 * shows in its output it gets SIGTERM; with `ctrlC`, SIGINT to its whole process group instead, as a
 * terminal's Ctrl-C sends it (to the embedded PostgreSQL too, unless that runs in a group of its own).
 */
function runServer(env: Record<string, string>, until?: RegExp, ctrlC = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: ctrlC,
    });
    let output = '';
    let signalled = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (signalled || !until?.test(output)) return;
      signalled = true;
      if (ctrlC) process.kill(-child.pid!, 'SIGINT');
      else child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('production mode', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it.each([[''], ['changeme'], ['too-short-secret']])(
    'refuses to start with JWT_SECRET=%j',
    async (secret) => {
      const env: Record<string, string> = { NODE_ENV: 'production', DATABASE_URL: db.url, PORT: '0' };
      if (secret) env.JWT_SECRET = secret;
      const run = await runServer(env);
      expect(run.code).toBe(78);
      expect(run.output).toContain('JWT_SECRET');
      expect(run.output).not.toContain('ready');
    },
  );

  it('starts with a strong secret, loads no demo accounts and prints no passwords', async () => {
    const run = await runServer(
      {
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        JWT_SECRET: STRONG,
        PORT: '0',
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
      },
      /Press Ctrl-C/,
    );
    expect(run.output).toContain('CraftMatch is ready');
    expect(run.output).not.toMatch(/Demo accounts|Organizer-2026/);
    expect(run.code).toBe(0);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM users`);
      expect(rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('at level info logs one line per answered request, without its token, and no deprecation warning', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        JWT_SECRET: STRONG,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const waiters: { until: RegExp; resolve: () => void }[] = [];
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const w of waiters.filter((w) => w.until.test(output))) w.resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const waitFor = (until: RegExp) =>
      until.test(output)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ until, resolve }));
    const exited = once(child, 'exit');
    try {
      await waitFor(/Press Ctrl-C/);
      const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2VjcmV0LXRva2VuLXNpZ25hdHVyZQ';
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      const refused = await fetch(`http://127.0.0.1:${port}/api/notifications`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(401);
      await waitFor(/"url":"\/api\/notifications"[^\n]*request completed/);
      const lines = output.split('\n').filter((line) => line.includes('"url":"/api/'));
      expect(lines).toHaveLength(2);
      expect(lines.every((line) => line.includes('"msg":"request completed"'))).toBe(true);
      // the refused request's line says what was asked and how it was answered
      const refusedLine = JSON.parse(lines.find((line) => line.includes('/api/notifications')) ?? '{}');
      expect(refusedLine).toMatchObject({ method: 'GET', statusCode: 401, reqId: expect.any(String) });
      expect(refusedLine.responseTime).toEqual(expect.any(Number));
      expect(output).not.toContain('incoming request');
      expect(output).not.toContain(token);
      expect(output).not.toMatch(/Deprecation|FSTDEP/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  it("with the embedded PostgreSQL, stops the server before the database on a terminal's Ctrl-C (npm start)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'craftmatch-stop-'));
    chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the postgres user when this runs as root
    const pgPort = await freePort();
    try {
      const run = await runServer(
        {
          DATA_DIR: dataDir,
          EMBEDDED_PG_PORT: String(pgPort),
          JWT_SECRET: STRONG,
          PORT: '0',
          DEMO_DATA: 'false',
          LOG_LEVEL: 'warn',
        },
        /Press Ctrl-C/,
        true,
      );
      expect(run.output).toContain('CraftMatch is ready');
      expect(run.output).toContain('Stopped cleanly.');
      // no connection of the server's pool was ended by the database stopping under it
      expect(run.output).not.toMatch(/terminating connection|connection was lost/);
      expect(run.code).toBe(0);
      const client = new Client({
        host: '127.0.0.1',
        port: pgPort,
        user: 'postgres',
        connectionTimeoutMillis: 2000,
      });
      await expect(client.connect()).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
