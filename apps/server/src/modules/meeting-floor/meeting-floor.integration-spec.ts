import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, B2bTable, MeetingPlace } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

// ---- test data: a live fair on Ho Chi Minh City time, its people, meetings in any status

// the fair runs 08:00–12:00 in Ho Chi Minh City (UTC+7), 30-minute slots without buffer
const S1 = '2026-12-03T01:00:00.000Z';
const S2 = '2026-12-03T01:30:00.000Z';

interface Fair {
  fairId: string;
  hallId: string;
}

async function seedFair(t: TestApp, status = 'live'): Promise<Fair> {
  const [fair] = await t.dataSource.query(
    `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone)
     VALUES ($1, 'Hội chợ Thủ công', 'Craft Fair', 'SECC', $2, 30, 0, 'Asia/Ho_Chi_Minh') RETURNING id`,
    [`fair-${randomUUID()}`, status],
  );
  await t.dataSource.query(
    `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, '2026-12-03', '08:00', '12:00')`,
    [fair.id],
  );
  const [hall] = await t.dataSource.query(
    `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A') RETURNING id`,
    [fair.id],
  );
  return { fairId: fair.id, hallId: hall.id };
}

let boothNo = 0;
async function exhibitorAt(t: TestApp, fair: Fair, fullName?: string): Promise<TestUser> {
  const f = new Factory(t);
  const companyId = await f.company({ kind: 'exhibitor', status: 'approved' });
  const user = await f.user({ role: 'exhibitor', companyId, fullName });
  await t.dataSource.query(
    `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, $4)`,
    [fair.fairId, companyId, fair.hallId, `B${++boothNo}`],
  );
  return user;
}

async function buyerAt(
  t: TestApp,
  fair: Fair,
  input: { name?: string; fullName?: string } = {},
): Promise<TestUser> {
  const f = new Factory(t);
  const companyId = await f.company({ kind: 'buyer', status: 'approved', name: input.name });
  const user = await f.user({ role: 'buyer', companyId, fullName: input.fullName });
  await t.dataSource.query(
    `INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`,
    [fair.fairId, companyId, user.id],
  );
  return user;
}

/** A meeting written straight into the database, in any status. */
async function meeting(
  t: TestApp,
  fair: Fair,
  buyer: TestUser,
  exhibitor: TestUser,
  input: {
    status?: string;
    start?: string;
    interpreterLanguage?: string;
    interpreterUserId?: string;
  } = {},
): Promise<string> {
  const status = input.status ?? 'accepted';
  const start = input.start ?? S1;
  const scheduled = ['accepted', 'held', 'no_show'].includes(status);
  const [row] = await t.dataSource.query(
    `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                           requested_by_user_id, requester_company_id, status, time_range, expires_at,
                           interpreter_language, interpreter_user_id)
     VALUES ($1, $2, $3, $4, $5, $4, $2, $6,
             CASE WHEN $7 THEN tstzrange($8::timestamptz, $8::timestamptz + interval '30 minutes', '[)') END,
             $8::timestamptz, $9, $10)
     RETURNING id`,
    [
      fair.fairId,
      buyer.companyId,
      exhibitor.companyId,
      buyer.id,
      exhibitor.id,
      status,
      scheduled,
      start,
      input.interpreterLanguage ?? null,
      input.interpreterUserId ?? null,
    ],
  );
  return row.id as string;
}

const code = (res: { body: string }): string => (JSON.parse(res.body) as ApiErrorBody).code;

async function notificationsOf(t: TestApp, userId: string, type: string): Promise<number> {
  const [row] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND type = $2`,
    [userId, type],
  );
  return row.n as number;
}

describe('B2B tables and the place of a meeting', () => {
  let t: TestApp;
  let fair: Fair;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    fair = await seedFair(t);
    organizer = await new Factory(t).organizer();
  });
  afterAll(() => t.close());

  const tablesUrl = () => `/api/fairs/${fair.fairId}/b2b-tables`;
  const addTable = async (tableCode: string) => {
    const res = await t.inject({
      method: 'POST',
      url: tablesUrl(),
      headers: organizer.auth,
      payload: { hallId: fair.hallId, code: tableCode, seats: 4 },
    });
    expect(res.statusCode).toBe(201);
    return json<B2bTable>(res);
  };
  const setPlace = (id: string, who: TestUser, payload: object) =>
    t.inject({ method: 'PATCH', url: `/api/meetings/${id}/place`, headers: who.auth, payload });
  const row = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT place_kind, table_id, video_url, sequence FROM meetings WHERE id = $1`,
        [id],
      )
    )[0];

  it('the organizer defines tables per hall; codes are unique per fair; others only read them', async () => {
    const table = await addTable('T-01');
    expect(table).toMatchObject({
      fairId: fair.fairId,
      hallId: fair.hallId,
      hallCode: 'A',
      code: 'T-01',
      seats: 4,
    });

    const dup = await t.inject({
      method: 'POST',
      url: tablesUrl(),
      headers: organizer.auth,
      payload: { hallId: fair.hallId, code: 'T-01' },
    });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'ALREADY_EXISTS']);

    const other = await seedFair(t);
    const foreignHall = await t.inject({
      method: 'POST',
      url: tablesUrl(),
      headers: organizer.auth,
      payload: { hallId: other.hallId, code: 'T-99' },
    });
    expect([foreignHall.statusCode, json(foreignHall).details]).toEqual([
      400,
      expect.objectContaining({ fields: { hallId: 'INVALID_VALUE' } }),
    ]);
    const badSeats = await t.inject({
      method: 'POST',
      url: tablesUrl(),
      headers: organizer.auth,
      payload: { hallId: fair.hallId, code: 'T-98', seats: 500, colour: 'red' },
    });
    expect(json(badSeats).details).toMatchObject({ fields: { seats: 'TOO_LARGE', colour: 'UNKNOWN_FIELD' } });

    const exhibitor = await exhibitorAt(t, fair);
    const staff = await new Factory(t).user({ role: 'organizer_staff' });
    for (const who of [exhibitor, staff]) {
      const res = await t.inject({
        method: 'POST',
        url: tablesUrl(),
        headers: who.auth,
        payload: { hallId: fair.hallId, code: 'T-50' },
      });
      expect(res.statusCode).toBe(403);
    }
    const list = await t.inject({ method: 'GET', url: tablesUrl(), headers: exhibitor.auth });
    expect(list.statusCode).toBe(200);
    expect(json<B2bTable[]>(list).map((x) => x.code)).toEqual(['T-01']);

    const draft = await seedFair(t, 'draft');
    const hidden = await t.inject({
      method: 'GET',
      url: `/api/fairs/${draft.fairId}/b2b-tables`,
      headers: exhibitor.auth,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('the organizer puts a meeting at a table; an overlapping meeting at the same table is refused and unchanged', async () => {
    const table = await addTable('T-02');
    const [b1, e1, b2, e2] = [
      await buyerAt(t, fair),
      await exhibitorAt(t, fair),
      await buyerAt(t, fair),
      await exhibitorAt(t, fair),
    ];
    const first = await meeting(t, fair, b1, e1, { start: S1 });
    const second = await meeting(t, fair, b2, e2, { start: S1 });
    const later = await meeting(t, fair, b2, e2, { start: S2 });

    const placed = await setPlace(first, organizer, { kind: 'table', tableId: table.id });
    expect(placed.statusCode).toBe(200);
    expect(json<MeetingPlace>(placed)).toMatchObject({
      meetingId: first,
      kind: 'table',
      table: { id: table.id, code: 'T-02', hallCode: 'A', seats: 4 },
      videoUrl: null,
      sequence: 1,
    });
    expect(json<MeetingPlace>(placed).booth).toMatchObject({ hallCode: 'A' });
    // the organizer acted: both attending people are told
    expect(await notificationsOf(t, b1.id, 'meeting.updated')).toBe(1);
    expect(await notificationsOf(t, e1.id, 'meeting.updated')).toBe(1);

    const before = await row(second);
    const taken = await setPlace(second, organizer, { kind: 'table', tableId: table.id });
    expect([taken.statusCode, code(taken)]).toEqual([409, 'SLOT_TAKEN']);
    expect(await row(second)).toEqual(before);
    expect(await notificationsOf(t, b2.id, 'meeting.updated')).toBe(0);

    // the next slot is free at that table
    expect((await setPlace(later, organizer, { kind: 'table', tableId: table.id })).statusCode).toBe(200);

    // the same place again changes nothing
    const same = await setPlace(first, organizer, { kind: 'table', tableId: table.id });
    expect(json<MeetingPlace>(same).sequence).toBe(1);

    // a table in use cannot be deleted; an unused one can, once
    const inUse = await t.inject({
      method: 'DELETE',
      url: `${tablesUrl()}/${table.id}`,
      headers: organizer.auth,
    });
    expect([inUse.statusCode, code(inUse)]).toEqual([409, 'TABLE_IN_USE']);
    const spare = await addTable('T-03');
    const del = await t.inject({
      method: 'DELETE',
      url: `${tablesUrl()}/${spare.id}`,
      headers: organizer.auth,
    });
    expect(del.statusCode).toBe(204);
    const again = await t.inject({
      method: 'DELETE',
      url: `${tablesUrl()}/${spare.id}`,
      headers: organizer.auth,
    });
    expect(again.statusCode).toBe(404);
  });

  it('either party moves a meeting online (https only) or back to the booth, but cannot pick a table', async () => {
    const table = await addTable('T-04');
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const id = await meeting(t, fair, buyer, exhibitor, { status: 'requested' });

    const byParty = await setPlace(id, buyer, { kind: 'table', tableId: table.id });
    expect(byParty.statusCode).toBe(403);
    const http = await setPlace(id, buyer, { kind: 'online', videoUrl: 'http://meet.example/abc' });
    expect([http.statusCode, json(http).details]).toEqual([
      400,
      expect.objectContaining({ fields: { videoUrl: 'HTTPS_URL_REQUIRED' } }),
    ]);
    const script = await setPlace(id, buyer, { kind: 'online', videoUrl: 'javascript:alert(1)' });
    expect(json(script).details).toMatchObject({ fields: { videoUrl: 'HTTPS_URL_REQUIRED' } });
    const missing = await setPlace(id, buyer, { kind: 'online' });
    expect(json(missing).details).toMatchObject({ fields: { videoUrl: 'REQUIRED' } });
    const mixed = await setPlace(id, buyer, { kind: 'booth', videoUrl: 'https://meet.example/abc' });
    expect(mixed.statusCode).toBe(400);

    const online = await setPlace(id, buyer, { kind: 'online', videoUrl: 'https://meet.example/abc' });
    expect(online.statusCode).toBe(200);
    expect(json<MeetingPlace>(online)).toMatchObject({
      kind: 'online',
      videoUrl: 'https://meet.example/abc',
      table: null,
      sequence: 1,
    });
    // a party acted: only the other side is told
    expect(await notificationsOf(t, exhibitor.id, 'meeting.updated')).toBe(1);
    expect(await notificationsOf(t, buyer.id, 'meeting.updated')).toBe(0);

    const back = await setPlace(id, exhibitor, { kind: 'booth' });
    expect(json<MeetingPlace>(back)).toMatchObject({ kind: 'booth', videoUrl: null, sequence: 2 });
    const read = await t.inject({ method: 'GET', url: `/api/meetings/${id}/place`, headers: buyer.auth });
    expect(json<MeetingPlace>(read)).toMatchObject({ kind: 'booth', sequence: 2 });

    // the organizer can also set a table on it, and a table of another fair is refused
    const other = await seedFair(t);
    const [foreign] = await t.dataSource.query(
      `INSERT INTO b2b_tables (fair_id, hall_id, code) VALUES ($1, $2, 'X-1') RETURNING id`,
      [other.fairId, other.hallId],
    );
    const wrongFair = await setPlace(id, organizer, { kind: 'table', tableId: foreign.id });
    expect(json(wrongFair).details).toMatchObject({ fields: { tableId: 'INVALID_VALUE' } });

    // an ended meeting keeps its place
    await t.dataSource.query(`UPDATE meetings SET status = 'cancelled' WHERE id = $1`, [id]);
    const closed = await setPlace(id, buyer, { kind: 'online', videoUrl: 'https://meet.example/x' });
    expect([closed.statusCode, code(closed)]).toEqual([409, 'INVALID_MEETING_TRANSITION']);
  });

  it('a stranger, an interpreter and organizer staff cannot move a meeting; strangers cannot read its place', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const id = await meeting(t, fair, buyer, exhibitor);
    const f = new Factory(t);
    const stranger = await buyerAt(t, fair);
    const strangerExhibitor = await exhibitorAt(t, fair);
    const interpreter = await f.user({ role: 'interpreter' });
    const staff = await f.user({ role: 'organizer_staff' });
    for (const who of [stranger, strangerExhibitor, interpreter, staff]) {
      const res = await setPlace(id, who, { kind: 'online', videoUrl: 'https://meet.example/abc' });
      expect(res.statusCode).toBe(403);
    }
    for (const who of [stranger, strangerExhibitor, interpreter]) {
      const res = await t.inject({ method: 'GET', url: `/api/meetings/${id}/place`, headers: who.auth });
      expect(res.statusCode).toBe(403);
    }
    const byStaff = await t.inject({ method: 'GET', url: `/api/meetings/${id}/place`, headers: staff.auth });
    expect(byStaff.statusCode).toBe(200);
    expect((await row(id)).sequence).toBe(0);
  });
});
