import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { revertMigration, runMigrations } from './data-source';
import { resolveDatabase } from './resolve';
import { seedDemo } from './seeds/demo';

/** `db:migrate`, `db:revert`, `db:seed` against DATABASE_URL or the embedded database. */
async function cli(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const db = await resolveDatabase(config);
  try {
    switch (command) {
      case 'migrate': {
        const applied = await runMigrations(db.url);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to migrate.');
        break;
      }
      case 'revert': {
        const all = process.argv.includes('--all');
        const n = await revertMigration(db.url, all);
        console.log(n === 0 ? 'Nothing to revert.' : `Reverted ${n} migration${n === 1 ? '' : 's'}.`);
        break;
      }
      case 'seed': {
        if (config.production) throw new Error('Demo data is never loaded in production.');
        await runMigrations(db.url);
        console.log((await seedDemo(db.url)) ? 'Demo data loaded.' : 'Demo data already present.');
        break;
      }
      default:
        throw new Error(`Unknown command "${command}". Use migrate, revert or seed.`);
    }
  } finally {
    await db.stop();
  }
}

cli(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
