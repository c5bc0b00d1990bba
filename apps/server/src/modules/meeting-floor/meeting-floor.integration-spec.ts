import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import type {
  ApiErrorBody,
  AppNotification,
  B2bTable,
  CheckinCode,
  CheckinResult,
  FairMeetingPage,
  FairMeetingStats,
  MeetingChangedEvent,
  MeetingOutcome,
  MeetingPlace,
  MyMeetingOutcome,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { MINUTE } from '../../../test/clock';
import { Factory, type TestUser } from '../../../test/factories';
import { buyerAt, exhibitorAt, seedFair as seedFairOn, type SeededFair } from '../../../test/fair-fixtures';
import { AccessTokenService } from '../../common/access-token.service';

// ---- test data: a live fair on Ho Chi Minh City time, its people, meetings in any status

// the fair runs 08:00–12:00 in Ho Chi Minh City (UTC+7), 30-minute slots without buffer
const START = new Date('2026-11-27T02:00:00Z');
const S1 = '2026-12-03T01:00:00.000Z';
const S2 = '2026-12-03T01:30:00.000Z';
const S3 = '2026-12-03T02:00:00.000Z';
const S4 = '2026-12-03T02:30:00.000Z';

type Fair = SeededFair;

/** These tests' fair is open on one day, 3 December. */
const ONE_DAY = ['2026-12-03'];
const seedFair = (t: TestApp, options: { status?: string } = {}) =>
  seedFairOn(t, { days: ONE_DAY, ...options });

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

/** A token signed at the test clock's current time (the first one lapses once the clock moves on). */
function fresh(t: TestApp, user: TestUser): { authorization: string } {
  const token = t.app.get(AccessTokenService).sign({
    sub: user.id,
    role: user.role,
    cid: user.companyId ?? undefined,
    sid: randomBytes(8).toString('hex'),
    lng: 'vi',
  });
  return { authorization: `Bearer ${token}` };
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
    for (const who of [exhibitor, staff]) {
      const res = await t.inject({ method: 'DELETE', url: `${tablesUrl()}/${table.id}`, headers: who.auth });
      expect(res.statusCode).toBe(403);
    }
    const list = await t.inject({ method: 'GET', url: tablesUrl(), headers: exhibitor.auth });
    expect(list.statusCode).toBe(200);
    expect(json<B2bTable[]>(list).map((x) => x.code)).toEqual(['T-01']);

    const draft = await seedFair(t, { status: 'draft' });
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

  it('ten meetings at the same time raced onto one table: exactly one gets it', async () => {
    const table = await addTable('T-05');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(await meeting(t, fair, await buyerAt(t, fair), await exhibitorAt(t, fair), { start: S3 }));
    }
    const results = await Promise.all(
      ids.map((id) => setPlace(id, organizer, { kind: 'table', tableId: table.id })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && code(r) === 'SLOT_TAKEN')).toHaveLength(9);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM meetings WHERE table_id = $1 AND place_kind = 'table'`,
      [table.id],
    );
    expect(n).toBe(1);
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

describe('check-in by QR code, and private outcomes', () => {
  let t: TestApp;
  let fair: Fair;

  beforeAll(async () => {
    t = await createTestApp();
    fair = await seedFair(t);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(START));

  const at = (iso: string, minutes: number) =>
    t.clock.set(new Date(new Date(iso).getTime() + minutes * MINUTE));
  const getCode = async (id: string, who: TestUser) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/meetings/${id}/checkin-code`,
      headers: fresh(t, who),
    });
    expect(res.statusCode).toBe(200);
    return json<CheckinCode>(res);
  };
  const scan = (who: TestUser, checkinCode: string) =>
    t.inject({
      method: 'POST',
      url: '/api/meetings/checkin',
      headers: fresh(t, who),
      payload: { code: checkinCode },
    });
  const state = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT status, checked_in_at, checked_in_by, sequence FROM meetings WHERE id = $1`,
        [id],
      )
    )[0];

  it('the other party scans a code during the slot: the meeting is held, both people are told', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const id = await meeting(t, fair, buyer, exhibitor, { start: S1 });

    const mine = await getCode(id, buyer);
    expect(mine).toMatchObject({ meetingId: id, side: 'buyer' });
    expect(mine.url).toBe(`http://localhost:3000/checkin/${mine.code}`);
    expect((await getCode(id, exhibitor)).code).not.toBe(mine.code);

    // too early: check-in opens 10 minutes before the start
    at(S1, -11);
    const early = await scan(exhibitor, mine.code);
    expect([early.statusCode, code(early)]).toEqual([409, 'CHECKIN_CLOSED']);

    at(S1, -10);
    // scanning your own code proves nothing, whoever of your company scans it
    const own = await scan(buyer, mine.code);
    expect([own.statusCode, code(own)]).toEqual([409, 'OWN_CHECKIN_CODE']);
    const colleague = await new Factory(t).user({
      role: 'buyer',
      companyId: buyer.companyId ?? undefined,
      membership: 'staff',
    });
    const byColleague = await scan(colleague, mine.code);
    expect([byColleague.statusCode, code(byColleague)]).toEqual([409, 'OWN_CHECKIN_CODE']);
    expect((await state(id)).status).toBe('accepted');

    const held = await scan(exhibitor, `https://fair.example/checkin/${mine.code}`);
    expect(held.statusCode).toBe(200);
    expect(json<CheckinResult>(held)).toMatchObject({
      meetingId: id,
      status: 'held',
      sequence: 1,
      checkedInAt: t.clock.now().toISOString(),
      start: S1,
      end: S2,
    });
    const row = await state(id);
    expect(row).toMatchObject({ status: 'held', checked_in_by: exhibitor.id, sequence: 1 });
    expect(new Date(row.checked_in_at).toISOString()).toBe(t.clock.now().toISOString());
    expect(await notificationsOf(t, buyer.id, 'meeting.checked_in')).toBe(1);
    expect(await notificationsOf(t, exhibitor.id, 'meeting.checked_in')).toBe(1);

    // a second scan changes nothing
    const twice = await scan(exhibitor, mine.code);
    expect([twice.statusCode, code(twice)]).toEqual([409, 'ALREADY_CHECKED_IN']);
    expect((await state(id)).sequence).toBe(1);
    const noCode = await t.inject({
      method: 'GET',
      url: `/api/meetings/${id}/checkin-code`,
      headers: fresh(t, buyer),
    });
    expect([noCode.statusCode, code(noCode)]).toEqual([409, 'ALREADY_CHECKED_IN']);
  });

  it('the scanned party sees the check-in live', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const id = await meeting(t, fair, buyer, exhibitor, { start: S2 });
    const buyerCode = (await getCode(id, buyer)).code;
    at(S2, 1);
    const baseUrl = t.baseUrl || (await t.listen());
    const socket = io(baseUrl, {
      path: '/socket.io',
      auth: { token: fresh(t, buyer).authorization.slice('Bearer '.length) },
      transports: ['websocket'],
      reconnection: false,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const changed = new Promise<MeetingChangedEvent>((resolve) => socket.once('meeting:changed', resolve));
      const told = new Promise<AppNotification>((resolve) => socket.once('notification:new', resolve));
      expect((await scan(exhibitor, buyerCode)).statusCode).toBe(200);
      expect(await changed).toEqual({ meetingId: id, fairId: fair.fairId, status: 'held', sequence: 1 });
      expect(await told).toMatchObject({ type: 'meeting.checked_in', data: { meetingId: id } });
    } finally {
      socket.disconnect();
    }
  });

  it('concurrent scans of one meeting: exactly one checks it in, the others get 409', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const staff = await new Factory(t).user({ role: 'organizer_staff' });
    const id = await meeting(t, fair, buyer, exhibitor, { start: S3 });
    const buyerCode = (await getCode(id, buyer)).code;
    at(S3, 2);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => scan(i % 2 ? staff : exhibitor, buyerCode)),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.statusCode !== 200);
    expect(refused.map((r) => [r.statusCode, code(r)])).toEqual(
      Array.from({ length: 11 }, () => [409, 'ALREADY_CHECKED_IN']),
    );
    expect((await state(id)).sequence).toBe(1);
    expect(await notificationsOf(t, buyer.id, 'meeting.checked_in')).toBe(1);
  });

  it('organizer staff check a meeting in from either code; the window closes at the end plus the grace', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const staff = await new Factory(t).user({ role: 'organizer_staff' });
    const first = await meeting(t, fair, buyer, exhibitor, { start: S1 });
    const second = await meeting(t, fair, buyer, exhibitor, { start: S2 });
    const third = await meeting(t, fair, buyer, exhibitor, { start: S3 });

    // default grace: 15 minutes after the end (S1 ends at S2)
    at(S2, 14);
    const byStaff = await scan(staff, (await getCode(first, exhibitor)).code);
    expect([byStaff.statusCode, json(byStaff).status]).toEqual([200, 'held']);
    expect((await state(first)).checked_in_by).toBe(staff.id);

    at(S3, 15);
    const late = await scan(staff, (await getCode(second, buyer)).code);
    expect([late.statusCode, code(late)]).toEqual([409, 'CHECKIN_CLOSED']);
    expect((await state(second)).status).toBe('accepted');

    // the fair's own grace period counts
    await t.dataSource.query(`UPDATE fairs SET checkin_grace_minutes = 0 WHERE id = $1`, [fair.fairId]);
    at(S3, 30);
    const atEnd = await scan(buyer, (await getCode(third, exhibitor)).code);
    expect([atEnd.statusCode, code(atEnd)]).toEqual([409, 'CHECKIN_CLOSED']);
    at(S3, 29);
    expect((await scan(buyer, (await getCode(third, exhibitor)).code)).statusCode).toBe(200);
    await t.dataSource.query(`UPDATE fairs SET checkin_grace_minutes = 15 WHERE id = $1`, [fair.fairId]);
  });

  it('refuses wrong codes, pending meetings, strangers and interpreters', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const id = await meeting(t, fair, buyer, exhibitor, { start: S1 });
    const pending = await meeting(t, fair, buyer, exhibitor, { status: 'requested', start: S2 });
    const f = new Factory(t);
    const stranger = await buyerAt(t, fair);
    const strangerExhibitor = await exhibitorAt(t, fair);
    const interpreter = await f.user({ role: 'interpreter' });
    const organizer = await f.organizer();
    const buyerCode = (await getCode(id, buyer)).code;
    at(S1, 0);

    for (const bad of ['', 'nonsense', buyerCode.slice(0, -2) + (buyerCode.endsWith('AA') ? 'BB' : 'AA')]) {
      const res = await scan(exhibitor, bad);
      expect(res.statusCode).toBe(bad === '' ? 400 : 404);
      if (bad) expect(code(res)).toBe('CHECKIN_CODE_INVALID');
    }
    for (const who of [stranger, strangerExhibitor, interpreter]) {
      expect((await scan(who, buyerCode)).statusCode).toBe(403);
    }
    for (const who of [stranger, interpreter, organizer]) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/meetings/${id}/checkin-code`,
        headers: fresh(t, who),
      });
      expect(res.statusCode).toBe(403);
    }
    const notAccepted = await t.inject({
      method: 'GET',
      url: `/api/meetings/${pending}/checkin-code`,
      headers: fresh(t, buyer),
    });
    expect([notAccepted.statusCode, code(notAccepted)]).toEqual([409, 'INVALID_MEETING_TRANSITION']);
    // a code issued while accepted is refused once the meeting is cancelled
    await t.dataSource.query(`UPDATE meetings SET status = 'cancelled' WHERE id = $1`, [id]);
    const cancelled = await scan(exhibitor, buyerCode);
    expect([cancelled.statusCode, code(cancelled)]).toEqual([409, 'INVALID_MEETING_TRANSITION']);
    expect((await state(id)).checked_in_at).toBeNull();
  });

  it('each side records its own outcome after the meeting is held; the other side never reads it', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const id = await meeting(t, fair, buyer, exhibitor, { start: S1 });
    const url = `/api/meetings/${id}/outcome`;
    const put = (who: TestUser, payload: object) =>
      t.inject({ method: 'PUT', url, headers: fresh(t, who), payload });
    const get = (who: TestUser) => t.inject({ method: 'GET', url, headers: fresh(t, who) });

    const early = await put(buyer, { interest: 'high', nextStep: 'samples' });
    expect([early.statusCode, code(early)]).toEqual([409, 'MEETING_NOT_HELD']);
    expect([(await get(buyer)).statusCode, code(await get(buyer))]).toEqual([409, 'MEETING_NOT_HELD']);

    at(S1, 5);
    expect((await scan(exhibitor, (await getCode(id, buyer)).code)).statusCode).toBe(200);

    expect(json<MyMeetingOutcome>(await get(buyer))).toEqual({ outcome: null });
    const saved = await put(buyer, {
      interest: 'high',
      nextStep: 'samples',
      notes: 'Buyer secret: target 4.20 USD',
    });
    expect(saved.statusCode).toBe(200);
    expect(json<MeetingOutcome>(saved)).toMatchObject({
      meetingId: id,
      companyId: buyer.companyId,
      interest: 'high',
      nextStep: 'samples',
      notes: 'Buyer secret: target 4.20 USD',
    });
    expect(
      (
        await put(exhibitor, {
          interest: 'medium',
          nextStep: 'quotation',
          notes: 'Exhibitor secret: floor 3.80',
        })
      ).statusCode,
    ).toBe(200);
    // a second save updates the same row
    const updated = await put(buyer, {
      interest: 'medium',
      nextStep: 'contract',
      notes: 'Buyer secret: signed LOI',
    });
    expect(json<MeetingOutcome>(updated)).toMatchObject({ interest: 'medium', nextStep: 'contract' });

    const buyerView = await get(buyer);
    expect(json<MyMeetingOutcome>(buyerView).outcome).toMatchObject({
      companyId: buyer.companyId,
      nextStep: 'contract',
      notes: 'Buyer secret: signed LOI',
    });
    expect(buyerView.body).not.toContain('Exhibitor secret');
    const exhibitorView = await get(exhibitor);
    expect(json<MyMeetingOutcome>(exhibitorView).outcome).toMatchObject({
      companyId: exhibitor.companyId,
      interest: 'medium',
      notes: 'Exhibitor secret: floor 3.80',
    });
    expect(exhibitorView.body).not.toContain('Buyer secret');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM meeting_outcomes WHERE meeting_id = $1`,
      [id],
    );
    expect(n).toBe(2);

    const bad = await put(buyer, { interest: 'huge', nextStep: 'samples', extra: 1 });
    expect(json(bad).details).toMatchObject({
      fields: { interest: 'INVALID_VALUE', extra: 'UNKNOWN_FIELD' },
    });

    const f = new Factory(t);
    const stranger = await buyerAt(t, fair);
    for (const who of [stranger, await exhibitorAt(t, fair)]) {
      expect((await get(who)).statusCode).toBe(403);
      expect((await put(who, { interest: 'low', nextStep: 'none' })).statusCode).toBe(403);
    }
    for (const who of [
      await f.organizer(),
      await f.user({ role: 'organizer_staff' }),
      await f.user({ role: 'interpreter' }),
    ]) {
      expect((await get(who)).statusCode).toBe(403);
      expect((await put(who, { interest: 'low', nextStep: 'none' })).statusCode).toBe(403);
    }
  });
});

describe("the organizer's overview of a fair's meetings", () => {
  let t: TestApp;
  let fair: Fair;
  let organizer: TestUser;
  let staff: TestUser;
  let anna: TestUser;
  let nordhausId: string;

  beforeAll(async () => {
    t = await createTestApp();
    fair = await seedFair(t);
    const f = new Factory(t);
    organizer = await f.organizer();
    staff = await f.user({ role: 'organizer_staff' });
    const interpreter = await f.user({ role: 'interpreter', fullName: 'Lê Thị Phiên Dịch' });
    anna = await buyerAt(t, fair, { name: 'Nordhaus Interiors GmbH', fullName: 'Anna Schröder' });
    nordhausId = anna.companyId as string;
    const kenji = await buyerAt(t, fair, { name: 'Sakura Living', fullName: 'Kenji Watanabe' });
    const minh = await exhibitorAt(t, fair, { fullName: 'Nguyễn Văn Minh' });
    const lan = await exhibitorAt(t, fair, { fullName: 'Trần Thị Lan' });
    // anna: 2 requested, 3 accepted (one waiting for an interpreter, one with one); kenji: 3 held, 1 no-show
    await meeting(t, fair, anna, minh, { status: 'requested', start: S1 });
    await meeting(t, fair, anna, lan, { status: 'requested', start: S2 });
    await meeting(t, fair, anna, minh, { start: S1, interpreterLanguage: 'de' });
    await meeting(t, fair, anna, lan, {
      start: S4,
      interpreterLanguage: 'de',
      interpreterUserId: interpreter.id,
    });
    await meeting(t, fair, anna, minh, { start: S3 });
    for (const start of [S1, S2, S3]) await meeting(t, fair, kenji, lan, { status: 'held', start });
    await meeting(t, fair, kenji, minh, { status: 'no_show', start: S4 });
    for (const status of ['declined', 'cancelled', 'expired'])
      await meeting(t, fair, kenji, minh, { status });
    // answered: the 3 accepted, 3 held, the no-show and the declined one; one of them only after 30 hours
    await t.dataSource.query(
      `UPDATE meetings SET answered_at = created_at + interval '2 hours'
        WHERE fair_id = $1 AND status IN ('accepted','held','no_show','declined')`,
      [fair.fairId],
    );
    await t.dataSource.query(
      `UPDATE meetings SET answered_at = created_at + interval '30 hours'
        WHERE fair_id = $1 AND status = 'declined'`,
      [fair.fairId],
    );
  });
  afterAll(() => t.close());

  const get = (url: string, who: TestUser = organizer) => t.inject({ method: 'GET', url, headers: who.auth });

  it('counts meetings by status, the no-show rate and those waiting for an interpreter', async () => {
    const res = await get(`/api/fairs/${fair.fairId}/meeting-stats`);
    expect(res.statusCode).toBe(200);
    expect(json<FairMeetingStats>(res)).toEqual({
      fairId: fair.fairId,
      total: 12,
      byStatus: { requested: 2, accepted: 3, held: 3, no_show: 1, declined: 1, cancelled: 1, expired: 1 },
      noShowRate: '0.2500',
      waitingForInterpreter: 1,
      answered: 8,
      answeredWithin24h: 7,
      answeredWithin24hShare: '0.8750',
    });
    const empty = await seedFair(t);
    const none = json<FairMeetingStats>(await get(`/api/fairs/${empty.fairId}/meeting-stats`, staff));
    expect(none).toMatchObject({
      total: 0,
      noShowRate: null,
      waitingForInterpreter: 0,
      answered: 0,
      answeredWithin24hShare: null,
    });
    expect(none.byStatus.held).toBe(0);
  });

  it('lists meetings with filters and pages, to the organizer team only', async () => {
    const base = `/api/fairs/${fair.fairId}/meetings`;
    const all = json<FairMeetingPage>(await get(`${base}?pageSize=5`, staff));
    expect([all.total, all.items.length, all.page, all.pageSize]).toEqual([12, 5, 1, 5]);
    const page3 = json<FairMeetingPage>(await get(`${base}?pageSize=5&page=3`));
    expect(page3.items).toHaveLength(2);
    // scheduled ones first, in time order
    expect(all.items[0].start).toBe(S1);

    const held = json<FairMeetingPage>(await get(`${base}?status=held`));
    expect(held.total).toBe(3);
    expect(held.items.every((m) => m.status === 'held' && m.buyer.fullName === 'Kenji Watanabe')).toBe(true);

    const nordhaus = json<FairMeetingPage>(await get(`${base}?companyId=${nordhausId}`));
    expect(nordhaus.total).toBe(5);

    const waiting = json<FairMeetingPage>(await get(`${base}?needsInterpreter=true`));
    expect(waiting.total).toBe(1);
    expect(waiting.items[0]).toMatchObject({
      status: 'accepted',
      interpreterLanguage: 'de',
      interpreterUserId: null,
      buyer: { companyName: 'Nordhaus Interiors GmbH', fullName: 'Anna Schröder' },
      exhibitor: { fullName: 'Nguyễn Văn Minh' },
      place: 'booth',
      start: S1,
      end: S2,
    });
    expect(waiting.items[0].boothCode).toMatch(/^B\d+$/);
    expect(json<FairMeetingPage>(await get(`${base}?needsInterpreter=false`)).total).toBe(11);
    const assigned = json<FairMeetingPage>(await get(`${base}?companyId=${nordhausId}&status=accepted`));
    expect(assigned.items.map((m) => m.interpreterName).filter(Boolean)).toEqual(['Lê Thị Phiên Dịch']);

    // accents ignored: "nguyen" finds Nguyễn, "schroder" finds Schröder
    expect(json<FairMeetingPage>(await get(`${base}?q=nguyen`)).total).toBe(7);
    expect(json<FairMeetingPage>(await get(`${base}?q=schroder&status=requested`)).total).toBe(2);
    expect(json<FairMeetingPage>(await get(`${base}?q=${encodeURIComponent('100%')}`)).total).toBe(0);

    const bad = await get(`${base}?status=maybe&needsInterpreter=perhaps&pageSize=1000`);
    expect(json(bad).details).toMatchObject({
      fields: { status: 'INVALID_VALUE', needsInterpreter: 'INVALID_TYPE', pageSize: 'TOO_LARGE' },
    });
    expect((await get(`/api/fairs/00000000-0000-4000-8000-000000000000/meetings`)).statusCode).toBe(404);

    const f = new Factory(t);
    for (const who of [anna, await exhibitorAt(t, fair), await f.user({ role: 'interpreter' })]) {
      expect((await get(base, who)).statusCode).toBe(403);
      expect((await get(`/api/fairs/${fair.fairId}/meeting-stats`, who)).statusCode).toBe(403);
    }
  });
});
