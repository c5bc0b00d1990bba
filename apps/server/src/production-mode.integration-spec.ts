import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../test/database';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const STRONG = 'c0ffee42-7d1e-4b7a-9f3e-1a2b3c4d5e6f-9a8b7c6d5e4f';

interface Run {
  code: number | null;
  output: string;
}

/** Runs the built server as a real process (node directly, so killing it kills the server). */
function runServer(env: Record<string, string>, until?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && until.test(output)) child.kill('SIGTERM');
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
});
