import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/** Migrations only; the schema is never synchronised from entities. */
/**
 * `poolMax`: connections of the pool. 20 by default: with 50 requests in flight, 10 left requests queueing
 * for a connection while PostgreSQL had CPU to spare (bench:http 1,030 → 1,560 req/s going to 25).
 * `poolMin`: connections never closed for being idle (the others close after 10 s idle); the server
 * opens them at start (`DatabasePool`).
 */
export function dataSourceOptions(
  url: string,
  extra: Partial<DataSourceOptions> = {},
  poolMax = 20,
  poolMin = 0,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries reach the exception filter, which logs the unexpected ones; constraint
    // violations are expected answers (409s), not noise for the log.
    logging: false,
    extra: { max: poolMax, min: poolMin, application_name: 'craftmatch' },
    // An idle pooled connection that PostgreSQL closes (restart, failover, idle kill) is dropped from the
    // pool and replaced on next use; say so once instead of crashing or staying silent.
    poolErrorHandler: (error: Error) =>
      new Logger('Database').warn(
        `an idle connection was lost and is dropped from the pool: ${error.message}`,
      ),
    ...extra,
  } as DataSourceOptions;
}

export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Reverts the last migration, or every applied one with `all`. Returns how many were reverted. */
export async function revertMigration(url: string, all = false): Promise<number> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    let reverted = 0;
    do {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM migrations`).catch(() => [{ n: 0 }]);
      if (n === 0) break;
      await ds.undoLastMigration({ transaction: 'each' });
      reverted++;
    } while (all);
    return reverted;
  } finally {
    await ds.destroy();
  }
}

/** For the TypeORM CLI: `typeorm migration:show -d dist/database/data-source.js`. */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/craftmatch'),
);
