import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import type { AppConfig } from '../config/config';
import { JobsService } from './jobs.service';

/** The job queue against a real pg-boss in a database of its own. */
describe('JobsService (integration)', () => {
  let db: TestDatabase;
  let jobs: JobsService;
  let sql: Client;
  const handled: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    jobs = new JobsService({ jobs: true } as AppConfig, db.url);
    jobs.register<{ key: string }>('test.batch', async ({ key }) => {
      if (key === 'bad') throw new Error('refused');
      handled.push(key);
    });
    await jobs.onApplicationBootstrap();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await jobs.onApplicationShutdown();
    await sql.end();
    await db.drop();
  });

  it('runs a batch of jobs fetched together; the one that fails is retried alone', async () => {
    expect(jobs.queueing).toBe(true);
    await jobs.sendMany('test.batch', [{ key: 'one' }, { key: 'bad' }, { key: 'three' }]);

    const states = async (): Promise<Record<string, string>> => {
      const rows: { key: string; state: string }[] = (
        await sql.query(`SELECT data->>'key' AS key, state FROM pgboss.job WHERE name = 'test.batch'`)
      ).rows;
      return Object.fromEntries(rows.map((r) => [r.key, r.state]));
    };
    const deadline = Date.now() + 20_000;
    let seen = await states();
    while (!(seen.one === 'completed' && seen.three === 'completed' && seen.bad === 'retry')) {
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await states();
    }
    expect(seen).toEqual({ one: 'completed', bad: 'retry', three: 'completed' });
    expect(handled.sort()).toEqual(['one', 'three']);
    // one fetch took all three (pg-boss fetches once per polling interval, so one job per fetch would
    // start them a second apart)
    const { rows } = await sql.query(
      `SELECT count(DISTINCT started_on)::int AS fetches FROM pgboss.job WHERE name = 'test.batch'`,
    );
    expect(rows).toEqual([{ fetches: 1 }]);
  });

  it('at shutdown runs the last tasks, then lets the job in hand finish before it stops', async () => {
    const stopping = new JobsService({ jobs: true } as AppConfig, db.url);
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inHand = new Promise<void>((resolve) => (started = resolve));
    stopping.register<{ key: string }>('test.slow', async ({ key }) => {
      events.push(`started ${key}`);
      started();
      await released;
      events.push(`finished ${key}`);
    });
    stopping.register<{ key: string }>('test.last', async () => {});
    stopping.beforeStop(async () => {
      await stopping.send('test.last', { key: 'last words' });
      events.push('last task');
    });
    await stopping.onApplicationBootstrap();
    await stopping.send('test.slow', { key: 'slow' });
    await inHand;

    let stoppedAt = -1;
    const stopped = stopping.beforeApplicationShutdown().then(() => (stoppedAt = events.length));
    // the last task queued its job while the queue still ran
    const lastJobs = async () =>
      (await sql.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.last'`)).rows[0].n;
    const deadline = Date.now() + 10_000;
    while ((await lastJobs()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await lastJobs()).toBe(1);
    expect(stoppedAt).toBe(-1);

    release();
    await stopped;
    expect(events).toEqual(['started slow', 'last task', 'finished slow']);
    expect(stoppedAt).toBe(3);
    const { rows } = await sql.query(`SELECT state FROM pgboss.job WHERE name = 'test.slow'`);
    expect(rows).toEqual([{ state: 'completed' }]);
    // stopping again (the hook after) is the same stop
    await stopping.onApplicationShutdown();
    expect(stopping.queueing).toBe(false);
  });
});
