import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * A throw-away platform for browser tests and benchmarks: its own embedded PostgreSQL in a
 * temporary folder on a free port, migrated and seeded, never touching the user's .data/.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'craftmatch-e2e-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    port: await freePort(),
    persistent: false,
  });
  const cleanup = async () => {
    await db.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      DATA_DIR: dir,
      DEMO_DATA: 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    await runMigrations(db.url);
    await seedDemo(db.url);
    const app = await createApp({ config, databaseUrl: db.url });
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await app.close().catch(() => undefined);
      await cleanup();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    await app.listen({ port: config.port, host: '127.0.0.1' });
    console.log(`e2e server ready at http://127.0.0.1:${config.port}`);
  } catch (error) {
    console.error(error);
    await cleanup();
    process.exit(1);
  }
}

void main();
