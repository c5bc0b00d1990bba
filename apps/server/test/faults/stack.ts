// The fault tests' own stack: an embedded PostgreSQL they may stop, start and look into, and the built
// server (dist/main.js) as a child process they may kill. Nothing here touches the machine's PostgreSQL
// or the database of the other test files.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { freePort } from '../free-port';

const SERVER_DIR = join(__dirname, '..', '..');
const MAIN = join(SERVER_DIR, 'dist', 'main.js');

interface ControlMessage {
  event: 'ready' | 'stopped' | 'started' | 'error';
  message?: string;
  log?: string[];
  port?: number;
  url?: string;
  adminUrl?: string;
}

export { freePort };

/** Resolves with the condition's value once it is truthy; polls, never sleeps blindly. */
export async function until<T>(
  what: string,
  condition: () => Promise<T> | T,
  { timeoutMs = 60_000, everyMs = 25 } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export interface OwnPostgres {
  /** the application database (craftmatch_faults) */
  url: string;
  port: number;
  /** fast shutdown (SIGINT to the postmaster); resolves once it has exited */
  stop(): Promise<void>;
  /** starts it again on the same port and data folder; resolves once it accepts connections */
  start(): Promise<void>;
  /** true when a fresh connection succeeds right now */
  accepts(): Promise<boolean>;
  /** one query on a fresh connection */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  quit(): Promise<void>;
}

/** Starts an embedded PostgreSQL with an empty database `craftmatch_faults` in a temporary folder. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const control = spawn(process.execPath, [join(__dirname, 'postgres-control.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting: ((m: ControlMessage) => void)[] = [];
  const early: ControlMessage[] = [];
  createInterface({ input: control.stdout! }).on('line', (line) => {
    const message = JSON.parse(line) as ControlMessage;
    const next = waiting.shift();
    if (next) next(message);
    else early.push(message);
  });
  const exited = new Promise<void>((resolve) => control.once('exit', () => resolve()));
  const next = (what: string) =>
    new Promise<ControlMessage>((resolve, reject) => {
      const queued = early.shift();
      if (queued) return resolve(queued);
      const onExit = () =>
        reject(new Error(`the PostgreSQL control process exited while waiting for ${what}`));
      control.once('exit', onExit);
      waiting.push((m) => {
        control.off('exit', onExit);
        resolve(m);
      });
    });
  const command = async (name: 'stop' | 'start', expected: ControlMessage['event']) => {
    control.stdin!.write(`${name}\n`);
    const answer = await next(name);
    if (answer.event !== expected)
      throw new Error(
        `PostgreSQL ${name}: ${answer.message ?? answer.event}\n${(answer.log ?? []).join('')}`,
      );
  };

  const ready = await next('the embedded PostgreSQL');
  if (ready.event !== 'ready') throw new Error(`embedded PostgreSQL: ${ready.message}`);
  const url = ready.url!;
  const connect = async () => {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  return {
    url,
    port: ready.port!,
    stop: () => command('stop', 'stopped'),
    start: () => command('start', 'started'),
    accepts: async () => {
      try {
        const client = await connect();
        await client.end();
        return true;
      } catch {
        return false;
      }
    },
    query: async <T>(sql: string, params: unknown[] = []) => {
      const client = await connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    quit: async () => {
      if (control.exitCode === null) {
        control.stdin!.end('quit\n');
        await exited;
      }
    },
  };
}

export interface ServerProcess {
  base: string;
  jwtSecret: string;
  /** everything the server printed so far (for failure messages) */
  output(): string;
  /** the exit code or signal once it has exited, null while it runs */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  databaseUrl: string;
  port?: number;
  jwtSecret?: string;
  dataDir: string;
}

/** The built server, as in production (NODE_ENV=production, job queue on), on the given database. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first.`);
  const port = options.port ?? (await freePort());
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('hex');
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'warn',
      DATA_DIR: options.dataDir,
      FILES_DIR: join(options.dataDir, 'files'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    // FAULTS_SERVER_LOG=<file> keeps what every server process printed, for a closer look
    if (process.env.FAULTS_SERVER_LOG) appendFileSync(process.env.FAULTS_SERVER_LOG, chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  await until(
    'the server to be ready',
    () => {
      if (exit) throw new Error(`the server exited (${JSON.stringify(exit)}):\n${output}`);
      return output.includes('Press Ctrl-C to stop');
    },
    { timeoutMs: 60_000, everyMs: 50 },
  );
  return {
    base: `http://127.0.0.1:${port}`,
    jwtSecret,
    output: () => output,
    exit: () => exit,
    kill: async (signal) => {
      if (!exit) {
        child.kill(signal);
        await exited;
      }
    },
  };
}

/** A temporary folder for the server's files; removed by `remove`. */
export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'craftmatch-faults-data-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
