import 'reflect-metadata';
import { Client } from 'pg';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { isDatabaseUnavailable } from './common/database-unavailable';
import { runMigrations } from './database/data-source';
import { resolveDatabase } from './database/resolve';
import { DEMO_ACCOUNTS } from './database/seeds/demo-accounts';
import { seedDemo } from './database/seeds/demo';

// A background task that lost the database (PostgreSQL restarting, say) must not take the server down
// with it: the pool reconnects by itself once the database is back. Any other unhandled rejection still
// ends the process, as Node does by default.
process.on('unhandledRejection', (reason) => {
  if (!isDatabaseUnavailable(reason)) throw reason;
  console.warn(
    `Database unavailable in a background task: ${reason instanceof Error ? reason.message : String(reason)}`,
  );
});

/**
 * Several instances started together on one database (a deployment behind a load balancer) start one
 * at a time: the first takes the lock, applies the migrations and creates the job queues, the others
 * wait and find nothing left to do. (Two pg-boss instances creating the same queues at once deadlock.)
 */
async function oneAtATime<T>(url: string, work: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('craftmatch:startup'))`);
    return await work();
  } finally {
    await lock.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n\nSee the Configuration table in README.md.\n`);
      process.exit(78);
    }
    throw error;
  }

  // stopped by shutdown() below, after the server
  const db = await resolveDatabase(config, { callerStopsOnSignal: true });
  let stopping = false;
  const stopDb = async () => {
    if (!db.embedded) return;
    await db.stop().catch(() => undefined);
  };
  try {
    const { app, seeded } = await oneAtATime(db.url, async () => {
      const applied = await runMigrations(db.url);
      if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
      const seeded = config.demoData ? await seedDemo(db.url) : false;
      return { app: await createApp({ config, databaseUrl: db.url }), seeded };
    });

    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(
        `\n${signal} received: stopping the server${db.embedded ? ' and the embedded database' : ''}…`,
      );
      const force = setTimeout(() => process.exit(1), 15000);
      force.unref();
      await app.close().catch((e: unknown) => console.error(e));
      await stopDb();
      console.log('Stopped cleanly.');
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));

    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${config.port}`;
    const lines = [
      '',
      `  CraftMatch is ready at ${url}  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  API ${url}/api · docs ${url}/api/docs · database ${db.embedded ? `embedded PostgreSQL (${config.embedded.dataDir})` : 'DATABASE_URL'}`,
    ];
    if (config.demoData) {
      lines.push(`  Demo data ${seeded ? 'loaded' : 'already present'}. Demo accounts:`);
      for (const a of DEMO_ACCOUNTS)
        lines.push(`    ${a.role.padEnd(10)} ${a.email.padEnd(32)} ${a.password}`);
    }
    lines.push('  Press Ctrl-C to stop.', '');
    console.log(lines.join('\n'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopDb();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
