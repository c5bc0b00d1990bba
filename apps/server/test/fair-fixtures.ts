import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { Factory, type TestUser } from './factories';

/** A fair with one hall, written straight into the database. */
export interface SeededFair {
  fairId: string;
  hallId: string;
}

/**
 * A fair in Ho Chi Minh City's time zone (UTC+7), open 08:00–12:00 on the given days with
 * 30-minute slots and no buffer, and one hall "A".
 */
export async function seedFair(
  t: TestApp,
  { status = 'live', days = ['2026-12-03', '2026-12-04'] }: { status?: string; days?: string[] } = {},
): Promise<SeededFair> {
  const [fair] = await t.dataSource.query(
    `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone)
     VALUES ($1, 'Hội chợ Thủ công', 'Craft Fair', 'SECC', $2, 30, 0, 'Asia/Ho_Chi_Minh') RETURNING id`,
    [`fair-${randomUUID()}`, status],
  );
  await t.dataSource.query(
    `INSERT INTO fair_days (fair_id, day, opens_at, closes_at)
     SELECT $1, d::date, '08:00', '12:00' FROM unnest($2::text[]) AS d`,
    [fair.id, days],
  );
  const [hall] = await t.dataSource.query(
    `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A') RETURNING id`,
    [fair.id],
  );
  return { fairId: fair.id, hallId: hall.id };
}

let boothNo = 0;

/** An approved exhibitor company whose one member attends: it holds an approved booth in hall A. */
export async function exhibitorAt(
  t: TestApp,
  fair: SeededFair,
  input: { name?: string; fullName?: string } = {},
): Promise<TestUser & { booth: string }> {
  const f = new Factory(t);
  const companyId = await f.company({ kind: 'exhibitor', status: 'approved', name: input.name });
  const user = await f.user({ role: 'exhibitor', companyId, fullName: input.fullName });
  const booth = `B${++boothNo}`;
  await t.dataSource.query(
    `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, $4)`,
    [fair.fairId, companyId, fair.hallId, booth],
  );
  return { ...user, booth };
}

/** A buyer company (approved unless said otherwise) whose one member is registered for the fair. */
export async function buyerAt(
  t: TestApp,
  fair: SeededFair,
  input: { status?: 'approved' | 'pending'; name?: string; fullName?: string; countryCode?: string } = {},
): Promise<TestUser> {
  const f = new Factory(t);
  const companyId = await f.company({ kind: 'buyer', status: input.status ?? 'approved', name: input.name });
  if (input.countryCode) {
    await t.dataSource.query(`UPDATE companies SET country_code = $2 WHERE id = $1`, [
      companyId,
      input.countryCode,
    ]);
  }
  const user = await f.user({ role: 'buyer', companyId, fullName: input.fullName });
  await t.dataSource.query(
    `INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`,
    [fair.fairId, companyId, user.id],
  );
  return user;
}
