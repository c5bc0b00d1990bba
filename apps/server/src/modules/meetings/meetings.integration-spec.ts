import { randomBytes, randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { ApiErrorBody, AppNotification, MeetingDetail } from '@craftmatch/shared';
import { connectSocket } from '../../../test/sockets';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { createTestDatabase, type TestDatabase } from '../../../test/database';
import { Factory, type TestUser } from '../../../test/factories';
import { buyerAt, exhibitorAt, seedFair, type SeededFair } from '../../../test/fair-fixtures';
import { AccessTokenService } from '../../common/access-token.service';

const START = new Date('2026-11-27T02:00:00Z');
// the fair runs 08:00–12:00 in Ho Chi Minh City (UTC+7), 30-minute slots without buffer
const S1 = '2026-12-03T01:00:00.000Z';
/** 200 HTTP answers through real transactions: seconds when idle, more on a crowded CI machine. */
const RACE_TIMEOUT_MS = 120_000;
const S2 = '2026-12-03T01:30:00.000Z';
const S3 = '2026-12-03T02:00:00.000Z';

type Seeded = SeededFair;

/** `count` approved buyer companies with one attending person each, inserted in one statement. */
async function manyBuyers(t: TestApp, fair: Seeded, count: number): Promise<{ authorization: string }[]> {
  const rows: { user_id: string; company_id: string }[] = await t.dataSource.query(
    `WITH c AS (
       INSERT INTO companies (kind, name, status)
       SELECT 'buyer', 'Importer ' || g, 'approved' FROM generate_series(1, $2::int) g RETURNING id),
     u AS (
       INSERT INTO users (email, password_hash, full_name, role, locale)
       SELECT 'race-' || c.id || '@test.example', 'x', 'Buyer ' || c.id, 'buyer', 'en' FROM c RETURNING id, email),
     m AS (
       INSERT INTO company_memberships (company_id, user_id, role)
       SELECT c.id, u.id, 'owner' FROM c JOIN u ON u.email = 'race-' || c.id || '@test.example'
       RETURNING company_id, user_id)
     INSERT INTO fair_participants (fair_id, company_id, user_id)
     SELECT $1, company_id, user_id FROM m RETURNING user_id, company_id`,
    [fair.fairId, count],
  );
  const signer = t.app.get(AccessTokenService);
  return rows.map((r) => ({
    authorization: `Bearer ${signer.sign({ sub: r.user_id, role: 'buyer', cid: r.company_id, sid: randomBytes(8).toString('hex'), lng: 'en' })}`,
  }));
}

/** A fresh access token for a user, once the test clock has moved past the first one's lifetime. */
function signedAgain(t: TestApp, user: TestUser): { authorization: string } {
  const token = t.app.get(AccessTokenService).sign({
    sub: user.id,
    role: user.role,
    cid: user.companyId ?? undefined,
    sid: randomBytes(8).toString('hex'),
    lng: 'vi',
  });
  return { authorization: `Bearer ${token}` };
}

async function request(
  t: TestApp,
  fairId: string,
  from: { authorization: string },
  payload: Record<string, unknown>,
) {
  return t.inject({ method: 'POST', url: `/api/fairs/${fairId}/meetings`, headers: from, payload });
}

async function requestOk(t: TestApp, fairId: string, from: TestUser, to: TestUser, slots = [S1, S2]) {
  const res = await request(t, fairId, from.auth, { withUserId: to.id, slots });
  expect(res.statusCode).toBe(201);
  return json<MeetingDetail>(res);
}

const act = (t: TestApp, id: string, action: string, who: { authorization: string }, payload: object) =>
  t.inject({ method: 'POST', url: `/api/meetings/${id}/${action}`, headers: who, payload });

const code = (res: { body: string }): string => (JSON.parse(res.body) as ApiErrorBody).code;

async function overlaps(t: TestApp, userId: string): Promise<number> {
  const [row] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM meetings a JOIN meetings b
        ON a.id < b.id AND a.exhibitor_user_id = b.exhibitor_user_id AND a.time_range && b.time_range
     WHERE a.exhibitor_user_id = $1 AND a.status IN ('accepted','held') AND b.status IN ('accepted','held')`,
    [userId],
  );
  return row.n;
}

describe('meetings', () => {
  let t: TestApp;
  let fair: Seeded;

  beforeAll(async () => {
    t = await createTestApp();
    fair = await seedFair(t);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(START));

  it('lists the fair slots in UTC', async () => {
    const buyer = await buyerAt(t, fair);
    const res = await t.inject({
      method: 'GET',
      url: `/api/fairs/${fair.fairId}/meeting-slots`,
      headers: buyer.auth,
    });
    expect(res.statusCode).toBe(200);
    const slots = json<{ start: string; end: string }[]>(res);
    expect(slots).toHaveLength(16);
    expect(slots[0]).toEqual({ start: S1, end: S2 });
    expect(slots[8].start).toBe('2026-12-04T01:00:00.000Z');
  });

  it('buyer staff register to attend; the organizer flags hosted buyers; then they can be met', async () => {
    const f = new Factory(t);
    const owner = await f.member('buyer', 'approved');
    const colleague = await f.user({
      role: 'buyer',
      companyId: owner.companyId ?? undefined,
      membership: 'staff',
    });
    const url = `/api/fairs/${fair.fairId}/participants`;
    const self = await t.inject({ method: 'POST', url, headers: owner.auth, payload: {} });
    expect(self.statusCode).toBe(201);
    expect(json(self)).toMatchObject({ userId: owner.id, companyId: owner.companyId, hostedBuyer: false });
    expect(
      (await t.inject({ method: 'POST', url, headers: owner.auth, payload: { userId: colleague.id } }))
        .statusCode,
    ).toBe(201);
    const again = await t.inject({ method: 'POST', url, headers: colleague.auth, payload: {} });
    expect([again.statusCode, code(again)]).toEqual([409, 'ALREADY_EXISTS']);
    const outsider = await f.member('buyer', 'approved');
    expect(
      (await t.inject({ method: 'POST', url, headers: owner.auth, payload: { userId: outsider.id } }))
        .statusCode,
    ).toBe(403);
    const pending = await f.member('buyer', 'pending');
    const notApproved = await t.inject({ method: 'POST', url, headers: pending.auth, payload: {} });
    expect([notApproved.statusCode, code(notApproved)]).toEqual([403, 'COMPANY_NOT_APPROVED']);
    const exhibitor = await exhibitorAt(t, fair);
    expect((await t.inject({ method: 'POST', url, headers: exhibitor.auth, payload: {} })).statusCode).toBe(
      403,
    );

    const mine = await t.inject({ method: 'GET', url: `${url}/mine`, headers: colleague.auth });
    expect(
      json<{ userId: string }[]>(mine)
        .map((p) => p.userId)
        .sort(),
    ).toEqual([owner.id, colleague.id].sort());

    const organizer = await f.organizer();
    const hosted = await t.inject({
      method: 'PATCH',
      url: `${url}/${colleague.id}/hosted`,
      headers: organizer.auth,
      payload: { hostedBuyer: true },
    });
    expect([hosted.statusCode, json(hosted).hostedBuyer]).toEqual([200, true]);
    const byBuyer = await t.inject({
      method: 'PATCH',
      url: `${url}/${colleague.id}/hosted`,
      headers: owner.auth,
      payload: { hostedBuyer: false },
    });
    expect(byBuyer.statusCode).toBe(403);

    // the exhibitor can now ask the registered colleague for a meeting
    await requestOk(t, fair.fairId, exhibitor, colleague, [S3]);
  });

  it('request → accept → cancel, with notifications to the other party', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const res = await request(t, fair.fairId, buyer.auth, {
      withUserId: exhibitor.id,
      slots: [S2, S1],
      message: 'We import ceramics to Germany.',
      interpreterLanguage: 'de',
    });
    expect(res.statusCode).toBe(201);
    const created = json<MeetingDetail>(res);
    expect(created).toMatchObject({
      status: 'requested',
      requestedBy: 'buyer',
      start: null,
      sequence: 0,
      interpreterLanguage: 'de',
      place: 'booth',
      buyer: { userId: buyer.id, companyId: buyer.companyId },
      exhibitor: { userId: exhibitor.id, companyId: exhibitor.companyId },
      // 48 hours from now comes before the last proposed slot
      expiresAt: '2026-11-29T02:00:00.000Z',
    });
    expect(created.proposals).toEqual([
      { start: S1, end: S2 },
      { start: S2, end: S3 },
    ]);
    const [requested] = await t.dataSource.query(
      `SELECT data FROM notifications WHERE user_id = $1 AND type = 'meeting.requested'`,
      [exhibitor.id],
    );
    expect(requested.data).toMatchObject({ meetingId: created.id, fairName: 'Hội chợ Thủ công' });

    for (const who of [buyer, exhibitor]) {
      const mine = await t.inject({
        method: 'GET',
        url: `/api/fairs/${fair.fairId}/meetings/mine`,
        headers: who.auth,
      });
      expect(json<MeetingDetail[]>(mine).map((m) => m.id)).toContain(created.id);
    }

    const accepted = await act(t, created.id, 'accept', exhibitor.auth, { slotStart: S2 });
    expect(accepted.statusCode).toBe(200);
    expect(json<MeetingDetail>(accepted)).toMatchObject({
      status: 'accepted',
      start: S2,
      end: S3,
      sequence: 1,
    });
    // the answer is built from the read before the update: it must be what a fresh read says
    const reread = await t.inject({
      method: 'GET',
      url: `/api/meetings/${created.id}`,
      headers: exhibitor.auth,
    });
    expect(json<MeetingDetail>(accepted)).toEqual(json<MeetingDetail>(reread));
    const [acceptedNote] = await t.dataSource.query(
      `SELECT data FROM notifications WHERE user_id = $1 AND type = 'meeting.accepted'`,
      [buyer.id],
    );
    expect(acceptedNote.data.meetingId).toBe(created.id);

    const cancelled = await act(t, created.id, 'cancel', buyer.auth, { reason: 'Flight changed' });
    expect(cancelled.statusCode).toBe(200);
    expect(json<MeetingDetail>(cancelled)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Flight changed',
      sequence: 2,
      start: S2,
    });
    const [cancelNote] = await t.dataSource.query(
      `SELECT data FROM notifications WHERE user_id = $1 AND type = 'meeting.cancelled'`,
      [exhibitor.id],
    );
    expect(cancelNote.data).toMatchObject({ meetingId: created.id, reason: 'Flight changed' });

    // each change is in the audit log: who made it, which change, and the meeting once changed
    const audit = await t.dataSource.query(
      `SELECT actor_id, action, entity_type, reason, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [created.id],
    );
    const entry = (
      actor: string,
      action: string,
      status: string,
      startsAt: string | null,
      reason = null as string | null,
    ) => ({
      actor_id: actor,
      action,
      entity_type: 'meeting',
      reason,
      after: { status, startsAt },
    });
    expect(audit).toEqual([
      entry(buyer.id, 'meeting.requested', 'requested', null),
      entry(exhibitor.id, 'meeting.accepted', 'accepted', S2),
      entry(buyer.id, 'meeting.cancelled', 'cancelled', S2, 'Flight changed'),
    ]);

    // the cancelled meeting no longer holds the slot
    const other = await buyerAt(t, fair);
    const second = await requestOk(t, fair.fairId, other, exhibitor, [S2]);
    expect((await act(t, second.id, 'accept', exhibitor.auth, { slotStart: S2 })).statusCode).toBe(200);
  });

  it('the other party sees a request and its acceptance live', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const connect = (user: TestUser): Promise<Socket> => connectSocket(t, user);
    const [buyerSocket, exhibitorSocket] = [await connect(buyer), await connect(exhibitor)];
    try {
      const requested = new Promise<AppNotification>((resolve) =>
        exhibitorSocket.once('notification:new', resolve),
      );
      const meeting = await requestOk(t, fair.fairId, buyer, exhibitor, ['2026-12-04T02:00:00.000Z']);
      expect(await requested).toMatchObject({ type: 'meeting.requested', data: { meetingId: meeting.id } });
      const accepted = new Promise<AppNotification>((resolve) =>
        buyerSocket.once('notification:new', resolve),
      );
      const res = await act(t, meeting.id, 'accept', exhibitor.auth, {
        slotStart: '2026-12-04T02:00:00.000Z',
      });
      expect(res.statusCode).toBe(200);
      expect(await accepted).toMatchObject({ type: 'meeting.accepted', data: { meetingId: meeting.id } });
    } finally {
      buyerSocket.disconnect();
      exhibitorSocket.disconnect();
    }
  });

  it('an exhibitor may request, and the buyer declines with a reason code', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const meeting = await requestOk(t, fair.fairId, exhibitor, buyer);
    expect(meeting.requestedBy).toBe('exhibitor');
    const res = await act(t, meeting.id, 'decline', buyer.auth, { reasonCode: 'no_availability' });
    expect(res.statusCode).toBe(200);
    expect(json<MeetingDetail>(res)).toMatchObject({ status: 'declined', declineReason: 'no_availability' });
    const notes = await t.dataSource.query(
      `SELECT 1 FROM notifications WHERE user_id = $1 AND type = 'meeting.declined'`,
      [exhibitor.id],
    );
    expect(notes).toHaveLength(1);
  });

  it('refuses transitions that are not allowed, with codes', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const meeting = await requestOk(t, fair.fairId, buyer, exhibitor);

    // only the receiving side answers
    expect((await act(t, meeting.id, 'accept', buyer.auth, { slotStart: S1 })).statusCode).toBe(403);
    expect((await act(t, meeting.id, 'decline', buyer.auth, { reasonCode: 'other' })).statusCode).toBe(403);
    const notProposed = await act(t, meeting.id, 'accept', exhibitor.auth, { slotStart: S3 });
    expect([notProposed.statusCode, code(notProposed)]).toEqual([409, 'SLOT_NOT_PROPOSED']);
    // the receiver cannot cancel a request it has not accepted; it declines it
    const early = await act(t, meeting.id, 'cancel', exhibitor.auth, { reason: 'x' });
    expect([early.statusCode, code(early)]).toEqual([409, 'INVALID_MEETING_TRANSITION']);
    const badReason = await act(t, meeting.id, 'decline', exhibitor.auth, { reasonCode: 'bored' });
    expect(badReason.statusCode).toBe(400);

    expect((await act(t, meeting.id, 'decline', exhibitor.auth, { reasonCode: 'other' })).statusCode).toBe(
      200,
    );
    for (const [action, who, payload] of [
      ['accept', exhibitor, { slotStart: S1 }],
      ['decline', exhibitor, { reasonCode: 'other' }],
      ['cancel', buyer, { reason: 'late' }],
      ['cancel', exhibitor, { reason: 'late' }],
    ] as const) {
      const res = await act(t, meeting.id, action, who.auth, payload);
      expect([action, res.statusCode, code(res)]).toEqual([action, 409, 'INVALID_MEETING_TRANSITION']);
    }

    // a requester withdraws a pending request; a cancelled meeting cannot be accepted
    const withdrawn = await requestOk(t, fair.fairId, buyer, exhibitor);
    expect((await act(t, withdrawn.id, 'cancel', buyer.auth, { reason: 'changed plans' })).statusCode).toBe(
      200,
    );
    const late = await act(t, withdrawn.id, 'accept', exhibitor.auth, { slotStart: S1 });
    expect([late.statusCode, code(late)]).toEqual([409, 'INVALID_MEETING_TRANSITION']);
  });

  it('a slot that has begun cannot be proposed or accepted, and an old request expires', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const meeting = await requestOk(t, fair.fairId, buyer, exhibitor, [S1, S3]);

    t.clock.set(new Date('2026-12-03T01:05:00Z'));
    const later = signedAgain(t, exhibitor);
    const begun = await act(t, meeting.id, 'accept', later, { slotStart: S1 });
    expect([begun.statusCode, code(begun)]).toEqual([409, 'SLOT_STARTED']);
    // 48 hours have passed since the request
    const expired = await act(t, meeting.id, 'accept', later, { slotStart: S3 });
    expect([expired.statusCode, code(expired)]).toEqual([409, 'MEETING_EXPIRED']);
    const past = await request(t, fair.fairId, signedAgain(t, buyer), {
      withUserId: exhibitor.id,
      slots: [S1],
    });
    expect([past.statusCode, code(past)]).toEqual([409, 'SLOT_STARTED']);
  });

  it('validates the request: real slots, attending people, approved companies', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const offGrid = await request(t, fair.fairId, buyer.auth, {
      withUserId: exhibitor.id,
      slots: ['2026-12-03T01:10:00.000Z'],
    });
    expect([offGrid.statusCode, code(offGrid)]).toEqual([400, 'VALIDATION_FAILED']);
    const tooMany = await request(t, fair.fairId, buyer.auth, {
      withUserId: exhibitor.id,
      slots: [S1, S2, S3, '2026-12-03T02:30:00.000Z'],
    });
    expect(tooMany.statusCode).toBe(400);
    const none = await request(t, fair.fairId, buyer.auth, { withUserId: exhibitor.id, slots: [] });
    expect(none.statusCode).toBe(400);

    const sameSide = await buyerAt(t, fair);
    expect(
      (await request(t, fair.fairId, buyer.auth, { withUserId: sameSide.id, slots: [S1] })).statusCode,
    ).toBe(404);

    const noBooth = await new Factory(t).member('exhibitor', 'approved');
    const absent = await request(t, fair.fairId, buyer.auth, { withUserId: noBooth.id, slots: [S1] });
    expect([absent.statusCode, code(absent)]).toEqual([409, 'NOT_ATTENDING']);

    const pending = await buyerAt(t, fair, { status: 'pending' });
    const unapproved = await request(t, fair.fairId, pending.auth, { withUserId: exhibitor.id, slots: [S1] });
    expect([unapproved.statusCode, code(unapproved)]).toEqual([403, 'COMPANY_NOT_APPROVED']);

    const unknownFair = await request(t, randomUUID(), buyer.auth, { withUserId: exhibitor.id, slots: [S1] });
    expect(unknownFair.statusCode).toBe(404);
  });

  it('caps pending outgoing requests per company and fair (409 REQUEST_LIMIT)', async () => {
    const [[limited]] = await t.dataSource.query(
      `UPDATE fairs SET meeting_request_limit = 2 WHERE id = $1 RETURNING meeting_request_limit`,
      [fair.fairId],
    );
    expect(limited.meeting_request_limit).toBe(2);
    try {
      const buyer = await buyerAt(t, fair);
      await requestOk(t, fair.fairId, buyer, await exhibitorAt(t, fair));
      await requestOk(t, fair.fairId, buyer, await exhibitorAt(t, fair));
      const third = await request(t, fair.fairId, buyer.auth, {
        withUserId: (await exhibitorAt(t, fair)).id,
        slots: [S1],
      });
      expect([third.statusCode, code(third)]).toEqual([409, 'REQUEST_LIMIT']);
      expect(json<ApiErrorBody>(third).message).toContain('2');
    } finally {
      await t.dataSource.query(`UPDATE fairs SET meeting_request_limit = 30 WHERE id = $1`, [fair.fairId]);
    }
  });

  it('a stranger from a third company is refused on every meeting endpoint; organizers only read', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const meeting = await requestOk(t, fair.fairId, buyer, exhibitor);
    for (const stranger of [await buyerAt(t, fair), await exhibitorAt(t, fair)]) {
      const get = await t.inject({
        method: 'GET',
        url: `/api/meetings/${meeting.id}`,
        headers: stranger.auth,
      });
      expect(get.statusCode).toBe(403);
      expect((await act(t, meeting.id, 'accept', stranger.auth, { slotStart: S1 })).statusCode).toBe(403);
      expect((await act(t, meeting.id, 'decline', stranger.auth, { reasonCode: 'other' })).statusCode).toBe(
        403,
      );
      expect((await act(t, meeting.id, 'cancel', stranger.auth, { reason: 'x' })).statusCode).toBe(403);
      const mine = await t.inject({
        method: 'GET',
        url: `/api/fairs/${fair.fairId}/meetings/mine`,
        headers: stranger.auth,
      });
      expect(json<MeetingDetail[]>(mine).map((m) => m.id)).not.toContain(meeting.id);
    }
    const organizer = await new Factory(t).organizer();
    expect(
      (await t.inject({ method: 'GET', url: `/api/meetings/${meeting.id}`, headers: organizer.auth }))
        .statusCode,
    ).toBe(200);
    expect((await act(t, meeting.id, 'accept', organizer.auth, { slotStart: S1 })).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: `/api/meetings/${meeting.id}` })).statusCode).toBe(401);
    const [unchanged] = await t.dataSource.query(`SELECT status, sequence FROM meetings WHERE id = $1`, [
      meeting.id,
    ]);
    expect(unchanged).toEqual({ status: 'requested', sequence: 0 });
  });

  it('a second acceptance of the same person at the same time is 409 SLOT_TAKEN and writes nothing', async () => {
    const exhibitor = await exhibitorAt(t, fair);
    const first = await requestOk(t, fair.fairId, await buyerAt(t, fair), exhibitor, [S3]);
    const secondBuyer = await buyerAt(t, fair);
    const second = await requestOk(t, fair.fairId, secondBuyer, exhibitor, [S3]);
    expect((await act(t, first.id, 'accept', exhibitor.auth, { slotStart: S3 })).statusCode).toBe(200);
    const taken = await act(t, second.id, 'accept', exhibitor.auth, { slotStart: S3 });
    expect([taken.statusCode, code(taken)]).toEqual([409, 'SLOT_TAKEN']);
    const [row] = await t.dataSource.query(
      `SELECT status, time_range, sequence FROM meetings WHERE id = $1`,
      [second.id],
    );
    expect(row).toEqual({ status: 'requested', time_range: null, sequence: 0 });
    const notes = await t.dataSource.query(
      `SELECT 1 FROM notifications WHERE user_id = $1 AND type = 'meeting.accepted'`,
      [secondBuyer.id],
    );
    expect(notes).toHaveLength(0);
  });

  it('the buyer person cannot hold two meetings at once either', async () => {
    const buyer = await buyerAt(t, fair);
    const [e1, e2] = [await exhibitorAt(t, fair), await exhibitorAt(t, fair)];
    const m1 = await requestOk(t, fair.fairId, buyer, e1, ['2026-12-04T03:00:00.000Z']);
    const m2 = await requestOk(t, fair.fairId, buyer, e2, ['2026-12-04T03:00:00.000Z']);
    expect(
      (await act(t, m1.id, 'accept', e1.auth, { slotStart: '2026-12-04T03:00:00.000Z' })).statusCode,
    ).toBe(200);
    const taken = await act(t, m2.id, 'accept', e2.auth, { slotStart: '2026-12-04T03:00:00.000Z' });
    expect([taken.statusCode, code(taken)]).toEqual([409, 'SLOT_TAKEN']);
  });

  it('the database refuses overlapping ranges at one table and for one interpreter; touching ranges are fine', async () => {
    const interpreter = await new Factory(t).user({ role: 'interpreter' });
    const [{ id: tableId }] = await t.dataSource.query(
      `INSERT INTO b2b_tables (fair_id, hall_id, code) VALUES ($1, $2, 'T1') RETURNING id`,
      [fair.fairId, fair.hallId],
    );
    const insert = async (from: string, to: string, place: { table?: string; interpreter?: string }) => {
      const buyer = await buyerAt(t, fair);
      const exhibitor = await exhibitorAt(t, fair);
      return t.dataSource.query(
        `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                               requester_company_id, status, time_range, place_kind, table_id, interpreter_user_id,
                               expires_at)
         VALUES ($1, $2, $3, $4, $5, $2, 'accepted', tstzrange($6, $7, '[)'), $8, $9, $10, $6)`,
        [
          fair.fairId,
          buyer.companyId,
          exhibitor.companyId,
          buyer.id,
          exhibitor.id,
          from,
          to,
          place.table ? 'table' : 'booth',
          place.table ?? null,
          place.interpreter ?? null,
        ],
      );
    };
    const [a, b, c] = ['2026-12-04T04:00:00Z', '2026-12-04T04:30:00Z', '2026-12-04T05:00:00Z'];
    await insert(a, b, { table: tableId, interpreter: interpreter.id });
    await insert(b, c, { table: tableId, interpreter: interpreter.id });
    await expect(
      insert('2026-12-04T04:15:00Z', '2026-12-04T04:45:00Z', { table: tableId }),
    ).rejects.toMatchObject({
      driverError: { code: '23P01', constraint: 'meetings_table_no_overlap' },
    });
    await expect(
      insert('2026-12-04T04:15:00Z', '2026-12-04T04:45:00Z', { interpreter: interpreter.id }),
    ).rejects.toMatchObject({
      driverError: { code: '23P01', constraint: 'meetings_interpreter_no_overlap' },
    });
  });

  it(
    'THE RACE: 200 concurrent accepts of one person’s slot → exactly 1 accepted, 199 SLOT_TAKEN, no overlap',
    async () => {
      const exhibitor = await exhibitorAt(t, fair);
      const buyers = await manyBuyers(t, fair, 200);
      const created = await Promise.all(
        buyers.map((b) => request(t, fair.fairId, b, { withUserId: exhibitor.id, slots: [S1] })),
      );
      expect(created.map((r) => r.statusCode)).toEqual(created.map(() => 201));
      const ids = created.map((r) => json<MeetingDetail>(r).id);

      const started = Date.now();
      const answers = await Promise.all(
        ids.map((id) => act(t, id, 'accept', exhibitor.auth, { slotStart: S1 })),
      );
      const elapsed = Date.now() - started;
      const ok = answers.filter((r) => r.statusCode < 300);
      const taken = answers.filter((r) => r.statusCode === 409 && code(r) === 'SLOT_TAKEN');
      console.info(`race (one instance): ${ok.length} accepted, ${taken.length} SLOT_TAKEN in ${elapsed} ms`);
      expect(ok).toHaveLength(1);
      expect(taken).toHaveLength(199);

      const [counts] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE status = 'requested' AND time_range IS NULL AND sequence = 0)::int AS untouched
         FROM meetings WHERE exhibitor_user_id = $1`,
        [exhibitor.id],
      );
      expect(counts).toEqual({ accepted: 1, untouched: 199 });
      expect(await overlaps(t, exhibitor.id)).toBe(0);
      // the accept and what it tells are one statement: the refused ones left no notification, e-mail
      // or audit entry
      const [told] = await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM notifications n JOIN meetings m ON m.id::text = n.data->>'meetingId'
                  WHERE m.exhibitor_user_id = $1 AND n.type = 'meeting.accepted') AS notifications,
                (SELECT count(*)::int FROM mail_outbox o JOIN meetings m ON strpos(o.text_body, m.id::text) > 0
                  WHERE m.exhibitor_user_id = $1 AND o.to_address LIKE 'race-%') AS mails,
                (SELECT count(*)::int FROM audit_log a JOIN meetings m ON m.id = a.entity_id
                  WHERE m.exhibitor_user_id = $1 AND a.action = 'meeting.accepted') AS audited`,
        [exhibitor.id],
      );
      expect(told).toEqual({ notifications: 1, mails: 1, audited: 1 });
    },
    RACE_TIMEOUT_MS,
  );
});

describe('meetings across two instances (no Redis)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    const secret = randomBytes(32).toString('hex');
    a = await createTestApp({ db, env: { JWT_SECRET: secret } });
    b = await createTestApp({ db, env: { JWT_SECRET: secret } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it(
    'THE RACE split over two instances: 100 accepts through each → exactly 1 accepted, no overlap',
    async () => {
      const fair = await seedFair(a);
      const exhibitor = await exhibitorAt(a, fair);
      const buyers = await manyBuyers(a, fair, 200);
      const created = await Promise.all(
        buyers.map((buyer, i) =>
          request(i % 2 ? a : b, fair.fairId, buyer, { withUserId: exhibitor.id, slots: [S2] }),
        ),
      );
      expect(created.map((r) => r.statusCode)).toEqual(created.map(() => 201));
      const ids = created.map((r) => json<MeetingDetail>(r).id);

      const started = Date.now();
      const answers = await Promise.all(
        ids.map((id, i) => act(i < 100 ? a : b, id, 'accept', exhibitor.auth, { slotStart: S2 })),
      );
      const elapsed = Date.now() - started;
      const ok = answers.filter((r) => r.statusCode < 300);
      const taken = answers.filter((r) => r.statusCode === 409 && code(r) === 'SLOT_TAKEN');
      const outcomes = answers.reduce<Record<string, number>>((acc, r) => {
        const key = `${r.statusCode} ${r.statusCode < 300 ? '' : code(r)}`.trim();
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {});
      console.info(
        `race (two instances): ${ok.length} accepted, ${taken.length} SLOT_TAKEN in ${elapsed} ms ${JSON.stringify(outcomes)}`,
      );
      expect(ok).toHaveLength(1);
      expect(taken).toHaveLength(199);
      expect(await overlaps(a, exhibitor.id)).toBe(0);
      const [row] = await a.dataSource.query(
        `SELECT count(*)::int AS n FROM meetings WHERE exhibitor_user_id = $1 AND status = 'accepted'`,
        [exhibitor.id],
      );
      expect(row.n).toBe(1);
    },
    RACE_TIMEOUT_MS,
  );
});
