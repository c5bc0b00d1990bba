import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/database';
import { migrations } from '../../database/migrations';
import { Meetings1764400000000 } from '../../database/migrations/1764400000000-Meetings';

const TABLES = ['attendee_blocked_slots', 'fair_participants', 'meetings', 'meeting_proposals'];
// Meetings and every later migration (they build on its tables), newest first for down
const FROM_MEETINGS = migrations.slice(migrations.indexOf(Meetings1764400000000));

describe('meetings migrations', () => {
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

  const exclusions = async (): Promise<string[]> =>
    (
      await ds.query(
        `SELECT conname FROM pg_constraint WHERE contype = 'x' AND conrelid = 'meetings'::regclass ORDER BY 1`,
      )
    ).map((r: { conname: string }) => r.conname);

  it('down (with every later migration) drops everything they created, and up restores it', async () => {
    expect(await present()).toEqual([...TABLES].sort());
    expect(await exclusions()).toEqual([
      'meetings_buyer_no_overlap',
      'meetings_exhibitor_no_overlap',
      'meetings_interpreter_no_overlap',
      'meetings_table_no_overlap',
    ]);
    const runner = ds.createQueryRunner();
    try {
      for (const M of [...FROM_MEETINGS].reverse()) await new M().down(runner);
      expect(await present()).toEqual([]);
      const columns = await ds.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'fairs' AND (column_name LIKE 'meeting%' OR column_name IN ('checkin_grace_minutes', 'reminder_minutes'))`,
      );
      expect(columns).toEqual([]);
      for (const M of FROM_MEETINGS) await new M().up(runner);
      expect(await present()).toEqual([...TABLES].sort());
    } finally {
      await runner.release();
    }
  });
});
