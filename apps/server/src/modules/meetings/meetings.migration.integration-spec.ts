import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/database';
import { Meetings1764400000000 } from '../../database/migrations/1764400000000-Meetings';

const TABLES = ['fair_participants', 'meetings', 'meeting_proposals'];

describe('meetings migration', () => {
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

  it('down drops everything it created, and up restores it', async () => {
    expect(await present()).toEqual([...TABLES].sort());
    expect(await exclusions()).toEqual([
      'meetings_buyer_no_overlap',
      'meetings_exhibitor_no_overlap',
      'meetings_interpreter_no_overlap',
      'meetings_table_no_overlap',
    ]);
    const runner = ds.createQueryRunner();
    try {
      await new Meetings1764400000000().down(runner);
      expect(await present()).toEqual([]);
      const columns = await ds.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'fairs' AND column_name LIKE 'meeting%'`,
      );
      expect(columns).toEqual([]);
      await new Meetings1764400000000().up(runner);
      expect(await present()).toEqual([...TABLES].sort());
    } finally {
      await runner.release();
    }
  });
});
