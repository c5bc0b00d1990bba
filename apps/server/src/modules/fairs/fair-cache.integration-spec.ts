// The fairs an instance served are kept in memory (FairCache) and forgotten when the fair changes: by
// this instance's own writes at once, and by any other writer (another instance, a script) through the
// NOTIFYs of migration FairChanges. Two app instances share one database; the second one caches.
import type { Fair } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { exhibitorAt, seedFair, type SeededFair } from '../../../test/fair-fixtures';
import { Factory, type TestUser } from '../../../test/factories';
import { until } from '../../../test/faults/stack';
import { DatabaseNotifications } from '../../database/database-notifications';
import { FairCache } from './fair-cache';

describe('fair cache', () => {
  let one: TestApp;
  let two: TestApp;
  let organizer: TestUser;

  beforeAll(async () => {
    one = await createTestApp();
    two = await createTestApp({ db: one.db, clock: one.clock, env: { JWT_SECRET: one.config.jwtSecret } });
    organizer = await new Factory(one).organizer();
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  const read = async (t: TestApp, fairId: string) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/organizer/fairs/${fairId}`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(200);
    return json<Fair>(res);
  };
  const readPublic = async (t: TestApp, slug: string) => {
    const res = await t.inject({ method: 'GET', url: `/api/fairs/${slug}` });
    return res.statusCode === 200 ? json<Fair>(res) : res.statusCode;
  };
  /** A change no instance hears (the triggers off for its transaction): only what is cached can hide it. */
  const unannounced = (sql: string, args: unknown[]) =>
    one.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE fairs DISABLE TRIGGER fairs_changed_notify`);
      await manager.query(sql, args);
      await manager.query(`ALTER TABLE fairs ENABLE TRIGGER fairs_changed_notify`);
    });

  let fair: SeededFair;
  beforeEach(async () => {
    fair = await seedFair(one, { status: 'registration' });
    // the seeding's own notifications heard, so that none arrives after a test's first read
    await two.app.get(DatabaseNotifications).settled();
  });

  it('serves a fair it has read from memory, and reads it again once the fair changes anywhere', async () => {
    const first = await read(two, fair.fairId);
    expect(first.venue).toBe('SECC');
    await unannounced(`UPDATE fairs SET venue = 'Unheard' WHERE id = $1`, [fair.fairId]);
    // the database changed, unannounced: instance 2 still answers from memory, instance 1 has no copy
    expect((await read(two, fair.fairId)).venue).toBe('SECC');
    expect((await read(one, fair.fairId)).venue).toBe('Unheard');

    // a change by someone else (here plain SQL) reaches instance 2 through NOTIFY
    await one.dataSource.query(`UPDATE fairs SET venue = 'I.C.E. Hà Nội' WHERE id = $1`, [fair.fairId]);
    await until(
      'instance 2 to read the new venue',
      async () => (await read(two, fair.fairId)).venue === 'I.C.E. Hà Nội',
    );
  });

  it('forgets the fair when its days, halls or approved booths change', async () => {
    const before = await read(two, fair.fairId);
    expect(before).toMatchObject({ hallCount: 1, boothCount: 0 });
    expect(before.days).toHaveLength(2);

    await one.dataSource.query(
      `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, '2026-12-05', '08:00', '12:00')`,
      [fair.fairId],
    );
    await until('the third day', async () => (await read(two, fair.fairId)).days.length === 3);

    await one.dataSource.query(`INSERT INTO halls (fair_id, code, name) VALUES ($1, 'B', 'Hall B')`, [
      fair.fairId,
    ]);
    await until('the second hall', async () => (await read(two, fair.fairId)).hallCount === 2);

    await exhibitorAt(one, fair);
    await until('the approved booth', async () => (await read(two, fair.fairId)).boothCount === 1);

    await one.dataSource.query(`UPDATE booths SET status = 'withdrawn' WHERE fair_id = $1`, [fair.fairId]);
    await until('the booth no longer counted', async () => (await read(two, fair.fairId)).boothCount === 0);
  });

  it("answers a write with the fair as written and shows it on the writer's next read, with no wait", async () => {
    await read(one, fair.fairId);
    const patched = await one.inject({
      method: 'PATCH',
      url: `/api/organizer/fairs/${fair.fairId}`,
      headers: organizer.auth,
      payload: { venue: 'Giảng Võ' },
    });
    expect(patched.statusCode).toBe(200);
    expect(json<Fair>(patched).venue).toBe('Giảng Võ');
    expect((await read(one, fair.fairId)).venue).toBe('Giảng Võ');

    const moved = await one.inject({
      method: 'POST',
      url: `/api/organizer/fairs/${fair.fairId}/status`,
      headers: organizer.auth,
      payload: { status: 'live' },
    });
    expect(json<Fair>(moved).status).toBe('live');
    expect((await read(one, fair.fairId)).status).toBe('live');
  });

  it('caches the public page by slug and forgets it with the fair (a new slug, a draft never)', async () => {
    const [{ slug }] = await one.dataSource.query<{ slug: string }[]>(
      `SELECT slug FROM fairs WHERE id = $1`,
      [fair.fairId],
    );
    expect(await readPublic(two, slug)).toMatchObject({ id: fair.fairId });
    await one.dataSource.query(`UPDATE fairs SET slug = $2 WHERE id = $1`, [fair.fairId, `${slug}-moved`]);
    await until('the old slug to be gone', async () => (await readPublic(two, slug)) === 404);
    expect(await readPublic(two, `${slug}-moved`)).toMatchObject({ id: fair.fairId });

    const draft = await seedFair(one, { status: 'draft' });
    const [{ slug: draftSlug }] = await one.dataSource.query<{ slug: string }[]>(
      `SELECT slug FROM fairs WHERE id = $1`,
      [draft.fairId],
    );
    expect(await readPublic(two, draftSlug)).toBe(404);
    await one.dataSource.query(`UPDATE fairs SET status = 'registration' WHERE id = $1`, [draft.fairId]);
    await until('the fair to open', async () => (await readPublic(two, draftSlug)) !== 404);
  });

  it('caches nothing while its listening connection is down, and forgets everything when it is back', async () => {
    const notifications = two.app.get(DatabaseNotifications);
    await read(two, fair.fairId);
    await unannounced(`UPDATE fairs SET venue = 'Missed' WHERE id = $1`, [fair.fairId]);
    expect((await read(two, fair.fairId)).venue).toBe('SECC');

    const pid = notifications.backendPid;
    expect(pid).toEqual(expect.any(Number));
    await one.dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await until(
      'instance 2 to listen again',
      () => notifications.connected && notifications.backendPid !== pid,
    );
    expect((await read(two, fair.fairId)).venue).toBe('Missed');

    // cached again, and still hearing changes
    await one.dataSource.query(`UPDATE fairs SET venue = 'Heard' WHERE id = $1`, [fair.fairId]);
    await until(
      'the change after the reconnection',
      async () => (await read(two, fair.fairId)).venue === 'Heard',
    );
  });

  it('does not keep a read that a change overtook, and shares one read between concurrent misses', async () => {
    const cache = two.app.get(FairCache);
    const key = `id:${fair.fairId}`;
    let finish!: (fair: Fair) => void;
    let loads = 0;
    const slow = () => {
      loads++;
      return new Promise<Fair>((resolve) => (finish = resolve));
    };
    const stale = { ...(await read(one, fair.fairId)), venue: 'Stale' };
    const a = cache.get(key, slow);
    const b = cache.get(key, slow);
    expect(loads).toBe(1);
    // the fair changes while the read is under way
    cache.notify(fair.fairId);
    finish(stale);
    expect((await a)!.venue).toBe('Stale');
    expect(await b).toBe(await a);
    // not kept: the next read goes to the database
    expect((await read(two, fair.fairId)).venue).toBe('SECC');
  });
});
