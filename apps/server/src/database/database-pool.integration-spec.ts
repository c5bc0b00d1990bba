import { createTestApp, type TestApp } from '../../test/app';
import { DatabasePool } from './database-pool';

/** Connections of this app's pool that PostgreSQL sees (the pool names itself 'craftmatch'). */
async function backends(t: TestApp): Promise<number> {
  const [{ n }]: { n: number }[] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'craftmatch' AND backend_type = 'client backend'`,
  );
  return n;
}

describe('DatabasePool (integration)', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('opens the lasting connections when the server starts, before any request needs them', async () => {
    t = await createTestApp({ env: { DATABASE_POOL_MAX: '7', DATABASE_POOL_MIN: '5' } });
    expect(t.app.get(DatabasePool).open).toBe(5);
    expect(await backends(t)).toBe(5);
    // the pool still grows to its size on demand
    await Promise.all(Array.from({ length: 7 }, () => t.dataSource.query('SELECT pg_sleep(0.05)')));
    expect(t.app.get(DatabasePool).open).toBe(7);
  });

  it('opens connections only on demand with DATABASE_POOL_MIN=0', async () => {
    t = await createTestApp({ env: { DATABASE_POOL_MAX: '7', DATABASE_POOL_MIN: '0' } });
    expect(t.app.get(DatabasePool).open).toBeLessThanOrEqual(1);
  });
});
