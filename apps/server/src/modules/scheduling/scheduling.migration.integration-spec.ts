import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/database';
import { migrations } from '../../database/migrations';
import { Scheduling1764700000100 } from '../../database/migrations/1764700000100-Scheduling';

const TABLES = [
  'fair_schedule_settings',
  'schedule_draft_meetings',
  'schedule_draft_unscheduled',
  'schedule_drafts',
];
const FROM_SCHEDULING = migrations.slice(migrations.indexOf(Scheduling1764700000100));

describe('scheduling migration', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource({ type: 'postgres', url: db.url });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const present = async (): Promise<string[]> =>
    (
      await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_name = ANY($1) ORDER BY 1`,
        [TABLES],
      )
    ).map((r: { table_name: string }) => r.table_name);
  const fails = (sql: string, params: unknown[]) =>
    ds.query(sql, params).then(
      () => null,
      (e: { driverError?: { code?: string } }) => e.driverError?.code ?? 'error',
    );

  it('refuses a second current draft per fair and a lunch break that ends before it starts', async () => {
    const [fair] = await ds.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue) VALUES ($1, 'H', 'F', 'SECC') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    await ds.query(`INSERT INTO schedule_drafts (fair_id, mode) VALUES ($1, 'regenerate')`, [fair.id]);
    expect(
      await fails(`INSERT INTO schedule_drafts (fair_id, mode, status) VALUES ($1, 'fill', 'ready')`, [
        fair.id,
      ]),
    ).toBe('23505');
    // finished drafts do not count
    await ds.query(`INSERT INTO schedule_drafts (fair_id, mode, status) VALUES ($1, 'fill', 'discarded')`, [
      fair.id,
    ]);
    expect(
      await fails(
        `INSERT INTO fair_schedule_settings (fair_id, lunch_start, lunch_end) VALUES ($1, '13:00', '12:00')`,
        [fair.id],
      ),
    ).toBe('23514');
    expect(
      await fails(`INSERT INTO fair_schedule_settings (fair_id, lunch_start) VALUES ($1, '13:00')`, [
        fair.id,
      ]),
    ).toBe('23514');
  });

  it('down drops what it created, and up restores it', async () => {
    expect(await present()).toEqual(TABLES);
    const runner = ds.createQueryRunner();
    try {
      for (const M of [...FROM_SCHEDULING].reverse()) await new M().down(runner);
      expect(await present()).toEqual([]);
      for (const M of FROM_SCHEDULING) await new M().up(runner);
      expect(await present()).toEqual(TABLES);
    } finally {
      await runner.release();
    }
  });
});
