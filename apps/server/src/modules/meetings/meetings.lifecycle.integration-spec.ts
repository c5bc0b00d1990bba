import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type {
  ApiErrorBody,
  AppNotification,
  Availability,
  FairAttendee,
  MeetingChangedEvent,
  MeetingDetail,
  PersonSlot,
} from '@craftmatch/shared';
import { connectSocket } from '../../../test/sockets';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { createTestDatabase } from '../../../test/database';
import { MINUTE } from '../../../test/clock';
import { Factory, type TestUser } from '../../../test/factories';
import {
  buyerAt as sharedBuyerAt,
  exhibitorAt,
  seedFair,
  type SeededFair,
} from '../../../test/fair-fixtures';
import { AccessTokenService } from '../../common/access-token.service';
import { MeetingsService } from './meetings.service';

const START = new Date('2026-11-27T02:00:00Z');
// the fair runs 08:00–12:00 in Ho Chi Minh City (UTC+7) on 3 and 4 December, 30-minute slots without buffer
const S1 = '2026-12-03T01:00:00.000Z';
const S2 = '2026-12-03T01:30:00.000Z';
const S3 = '2026-12-03T02:00:00.000Z';
const S4 = '2026-12-03T02:30:00.000Z';
const D2 = '2026-12-04T01:00:00.000Z';
const D2b = '2026-12-04T01:30:00.000Z';

type Seeded = SeededFair;

/** A buyer from Germany registered for the fair. */
const buyerAt = (t: TestApp, fair: Seeded) => sharedBuyerAt(t, fair, { countryCode: 'DE' });

/** A fresh access token, once the test clock has moved past the first one's lifetime. */
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

const code = (res: { body: string }): string => (JSON.parse(res.body) as ApiErrorBody).code;

describe('meetings life cycle', () => {
  let t: TestApp;
  let fair: Seeded;
  let service: MeetingsService;

  beforeAll(async () => {
    t = await createTestApp();
    fair = await seedFair(t);
    service = t.app.get(MeetingsService);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(START));

  const post = (url: string, who: { authorization: string }, payload: object = {}) =>
    t.inject({ method: 'POST', url: `/api${url}`, headers: who, payload });
  const get = (url: string, who: { authorization: string }) =>
    t.inject({ method: 'GET', url: `/api${url}`, headers: who });
  const detail = async (id: string, who: { authorization: string }) =>
    json<MeetingDetail>(await get(`/meetings/${id}`, who));

  async function requestOk(from: TestUser, to: TestUser, slots: string[], extra: object = {}) {
    const res = await post(`/fairs/${fair.fairId}/meetings`, from.auth, {
      withUserId: to.id,
      slots,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return json<MeetingDetail>(res);
  }

  async function notes(userId: string, type: string): Promise<Record<string, string>[]> {
    const rows: { data: Record<string, string> }[] = await t.dataSource.query(
      `SELECT data FROM notifications WHERE user_id = $1 AND type = $2 ORDER BY created_at`,
      [userId, type],
    );
    return rows.map((r) => r.data);
  }

  async function expectStatus(res: { statusCode: number; body: string }, status: number, errorCode: string) {
    expect([res.statusCode, code(res)]).toEqual([status, errorCode]);
  }

  it('request → counter → accept → reschedule → accept the reschedule → decline another → cancel', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const created = await requestOk(buyer, exhibitor, [S1, S2], { message: 'Ceramics for Hamburg' });
    expect(created).toMatchObject({
      status: 'requested',
      awaiting: 'exhibitor',
      reschedule: null,
      boothCode: exhibitor.booth,
      hallName: 'Hall A',
      timeZone: 'Asia/Ho_Chi_Minh',
      fairName: { vi: 'Hội chợ Thủ công', en: 'Craft Fair' },
      tableCode: null,
      interpreterName: null,
      checkedInAt: null,
    });

    // the exhibitor counters with other slots: now the buyer is awaited
    const countered = await post(`/meetings/${created.id}/counter`, exhibitor.auth, {
      slots: [S4, S3],
      message: 'Mornings are busy; later?',
    });
    expect(countered.statusCode).toBe(200);
    expect(json<MeetingDetail>(countered)).toMatchObject({
      status: 'requested',
      awaiting: 'buyer',
      sequence: 1,
      message: 'Mornings are busy; later?',
      proposals: [
        { start: S3, end: S4 },
        { start: S4, end: '2026-12-03T03:00:00.000Z' },
      ],
      expiresAt: '2026-11-29T02:00:00.000Z',
    });
    expect(await notes(buyer.id, 'meeting.counter_proposed')).toEqual([
      expect.objectContaining({ meetingId: created.id, fairName: 'Hội chợ Thủ công' }),
    ]);
    // not the exhibitor's turn any more, and the first round's slots are gone
    await expectStatus(
      await post(`/meetings/${created.id}/accept`, exhibitor.auth, { slotStart: S3 }),
      409,
      'INVALID_MEETING_TRANSITION',
    );
    await expectStatus(
      await post(`/meetings/${created.id}/accept`, buyer.auth, { slotStart: S1 }),
      409,
      'SLOT_NOT_PROPOSED',
    );

    const accepted = await post(`/meetings/${created.id}/accept`, buyer.auth, { slotStart: S3 });
    expect(accepted.statusCode).toBe(200);
    expect(json<MeetingDetail>(accepted)).toMatchObject({
      status: 'accepted',
      start: S3,
      end: S4,
      awaiting: null,
      sequence: 2,
    });
    expect(await notes(exhibitor.id, 'meeting.accepted')).toHaveLength(1);

    // the exhibitor proposes to move it; it keeps its time until the buyer answers
    const proposed = await post(`/meetings/${created.id}/reschedule`, exhibitor.auth, { slots: [D2b, D2] });
    expect(proposed.statusCode).toBe(200);
    expect(json<MeetingDetail>(proposed)).toMatchObject({
      status: 'accepted',
      start: S3,
      awaiting: 'buyer',
      sequence: 3,
      reschedule: {
        proposedBy: 'exhibitor',
        proposals: [
          { start: D2, end: D2b },
          { start: D2b, end: '2026-12-04T02:00:00.000Z' },
        ],
        expiresAt: '2026-11-29T02:00:00.000Z',
      },
      // the accepted round is still what was agreed
      proposals: [
        { start: S3, end: S4 },
        { start: S4, end: '2026-12-03T03:00:00.000Z' },
      ],
    });
    expect(await notes(buyer.id, 'meeting.reschedule_proposed')).toHaveLength(1);
    await expectStatus(
      await post(`/meetings/${created.id}/reschedule`, buyer.auth, { slots: [S1] }),
      409,
      'INVALID_MEETING_TRANSITION',
    );
    await expectStatus(
      await post(`/meetings/${created.id}/reschedule/accept`, exhibitor.auth, { slotStart: D2 }),
      409,
      'INVALID_MEETING_TRANSITION',
    );
    await expectStatus(
      await post(`/meetings/${created.id}/reschedule/accept`, buyer.auth, { slotStart: S1 }),
      409,
      'SLOT_NOT_PROPOSED',
    );

    const moved = await post(`/meetings/${created.id}/reschedule/accept`, buyer.auth, { slotStart: D2 });
    expect(moved.statusCode).toBe(200);
    expect(json<MeetingDetail>(moved)).toMatchObject({
      status: 'accepted',
      start: D2,
      end: D2b,
      awaiting: null,
      reschedule: null,
      sequence: 4,
    });
    expect(await notes(exhibitor.id, 'meeting.rescheduled')).toEqual([
      expect.objectContaining({ meetingId: created.id }),
    ]);
    // the old time is free again for the exhibitor
    const slots = json<PersonSlot[]>(
      await get(`/fairs/${fair.fairId}/people/${exhibitor.id}/slots`, buyer.auth),
    );
    expect(slots.find((s) => s.start === S3)?.free).toBe(true);
    expect(slots.find((s) => s.start === D2)?.free).toBe(false);

    // the buyer proposes another move; the exhibitor keeps the current time
    expect((await post(`/meetings/${created.id}/reschedule`, buyer.auth, { slots: [S1] })).statusCode).toBe(
      200,
    );
    const kept = await post(`/meetings/${created.id}/reschedule/decline`, exhibitor.auth);
    expect(kept.statusCode).toBe(200);
    expect(json<MeetingDetail>(kept)).toMatchObject({
      start: D2,
      reschedule: null,
      awaiting: null,
      sequence: 6,
    });
    expect(await notes(buyer.id, 'meeting.reschedule_declined')).toHaveLength(1);
    await expectStatus(
      await post(`/meetings/${created.id}/reschedule/decline`, exhibitor.auth),
      409,
      'INVALID_MEETING_TRANSITION',
    );

    const cancelled = await post(`/meetings/${created.id}/cancel`, exhibitor.auth, { reason: 'Kiln broke' });
    expect(json<MeetingDetail>(cancelled)).toMatchObject({ status: 'cancelled', sequence: 7, start: D2 });
    expect(await notes(buyer.id, 'meeting.cancelled')).toEqual([
      expect.objectContaining({ reason: 'Kiln broke' }),
    ]);
    for (const [action, payload] of [
      ['counter', { slots: [S1] }],
      ['reschedule', { slots: [S1] }],
      ['reschedule/accept', { slotStart: S1 }],
      ['accept', { slotStart: S3 }],
    ] as const) {
      const res = await post(`/meetings/${created.id}/${action}`, buyer.auth, payload);
      expect([action, res.statusCode, code(res)]).toEqual([action, 409, 'INVALID_MEETING_TRANSITION']);
    }
  });

  it('both people and the organizers see a counter-proposal and a reschedule live (meeting:changed, notification:new)', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const organizer = await new Factory(t).organizer();
    const connect = (user: TestUser): Promise<Socket> => connectSocket(t, user);
    const [buyerSocket, exhibitorSocket, organizerSocket] = [
      await connect(buyer),
      await connect(exhibitor),
      await connect(organizer),
    ];
    // the first matching event: an earlier one (the request's) may still be on its way
    const next = <T>(socket: Socket, event: string, match: (payload: T) => boolean) =>
      new Promise<T>((resolve) => {
        const listener = (payload: T) => {
          if (!match(payload)) return;
          socket.off(event, listener);
          resolve(payload);
        };
        socket.on(event, listener);
      });
    const seq = (n: number) => (e: MeetingChangedEvent) => e.sequence === n;
    const ofType = (type: string) => (n: AppNotification) => n.type === type;
    try {
      const meeting = await requestOk(buyer, exhibitor, [S1]);
      const [toBuyer, toExhibitor, toOrganizers, note] = [
        next(buyerSocket, 'meeting:changed', seq(1)),
        next(exhibitorSocket, 'meeting:changed', seq(1)),
        next(organizerSocket, 'meeting:changed', seq(1)),
        next(buyerSocket, 'notification:new', ofType('meeting.counter_proposed')),
      ];
      expect(
        (await post(`/meetings/${meeting.id}/counter`, exhibitor.auth, { slots: [S2] })).statusCode,
      ).toBe(200);
      const expected = { meetingId: meeting.id, fairId: fair.fairId, status: 'requested', sequence: 1 };
      expect(await toBuyer).toEqual(expected);
      expect(await toExhibitor).toEqual(expected);
      expect(await toOrganizers).toEqual(expected);
      expect(await note).toMatchObject({ type: 'meeting.counter_proposed', data: { meetingId: meeting.id } });

      expect((await post(`/meetings/${meeting.id}/accept`, buyer.auth, { slotStart: S2 })).statusCode).toBe(
        200,
      );
      const [moved, movedNote] = [
        next(exhibitorSocket, 'meeting:changed', seq(3)),
        next(exhibitorSocket, 'notification:new', ofType('meeting.reschedule_proposed')),
      ];
      expect((await post(`/meetings/${meeting.id}/reschedule`, buyer.auth, { slots: [S4] })).statusCode).toBe(
        200,
      );
      expect(await moved).toMatchObject({ status: 'accepted', sequence: 3 });
      expect(await movedNote).toMatchObject({ type: 'meeting.reschedule_proposed' });
    } finally {
      buyerSocket.disconnect();
      exhibitorSocket.disconnect();
      organizerSocket.disconnect();
    }
  });

  it('a reschedule onto a taken time is 409 SLOT_TAKEN and the meeting keeps its old time', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const first = await requestOk(buyer, exhibitor, [S1]);
    expect((await post(`/meetings/${first.id}/accept`, exhibitor.auth, { slotStart: S1 })).statusCode).toBe(
      200,
    );
    const other = await requestOk(await buyerAt(t, fair), exhibitor, [S2]);
    expect((await post(`/meetings/${other.id}/accept`, exhibitor.auth, { slotStart: S2 })).statusCode).toBe(
      200,
    );

    expect((await post(`/meetings/${first.id}/reschedule`, buyer.auth, { slots: [S2] })).statusCode).toBe(
      200,
    );
    await expectStatus(
      await post(`/meetings/${first.id}/reschedule/accept`, exhibitor.auth, { slotStart: S2 }),
      409,
      'SLOT_TAKEN',
    );
    const [row] = await t.dataSource.query(
      `SELECT lower(time_range) AS start, sequence, reschedule_expires_at IS NOT NULL AS pending
         FROM meetings WHERE id = $1`,
      [first.id],
    );
    expect(row).toEqual({ start: new Date(S1), sequence: 2, pending: true });
    expect(await notes(buyer.id, 'meeting.rescheduled')).toHaveLength(0);
  });

  it('the requester edits a pending request until the other side answers', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const created = await requestOk(buyer, exhibitor, [S1], { interpreterLanguage: 'de' });
    const patch = (who: { authorization: string }, payload: object) =>
      t.inject({ method: 'PATCH', url: `/api/meetings/${created.id}`, headers: who, payload });

    const edited = await patch(buyer.auth, {
      slots: [S2, S3],
      message: 'Two options',
      interpreterLanguage: null,
    });
    expect(edited.statusCode).toBe(200);
    expect(json<MeetingDetail>(edited)).toMatchObject({
      status: 'requested',
      awaiting: 'exhibitor',
      sequence: 1,
      message: 'Two options',
      interpreterLanguage: null,
      proposals: [
        { start: S2, end: S3 },
        { start: S3, end: S4 },
      ],
    });
    expect(await notes(exhibitor.id, 'meeting.updated')).toEqual([
      expect.objectContaining({ meetingId: created.id }),
    ]);
    const onlyMessage = await patch(buyer.auth, { message: 'Bringing samples' });
    expect(json<MeetingDetail>(onlyMessage)).toMatchObject({ sequence: 2, message: 'Bringing samples' });
    expect(json<MeetingDetail>(onlyMessage).proposals).toHaveLength(2);

    await expectStatus(await patch(buyer.auth, {}), 400, 'VALIDATION_FAILED');
    await expectStatus(
      await patch(buyer.auth, { slots: ['2026-12-03T01:10:00.000Z'] }),
      400,
      'VALIDATION_FAILED',
    );
    await expectStatus(await patch(buyer.auth, { status: 'accepted' }), 400, 'VALIDATION_FAILED');
    // the receiver does not edit the request; it answers it
    await expectStatus(await patch(exhibitor.auth, { message: 'x' }), 403, 'FORBIDDEN');

    // once the exhibitor countered, the buyer answers instead of editing
    expect((await post(`/meetings/${created.id}/counter`, exhibitor.auth, { slots: [S4] })).statusCode).toBe(
      200,
    );
    await expectStatus(await patch(buyer.auth, { message: 'late edit' }), 409, 'INVALID_MEETING_TRANSITION');
    // and accepting an old slot of the edited round is refused
    await expectStatus(
      await post(`/meetings/${created.id}/accept`, buyer.auth, { slotStart: S2 }),
      409,
      'SLOT_NOT_PROPOSED',
    );
  });

  it('blocked slots: each person sets them; requests, counters, reschedules and accepts respect them', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const url = `/fairs/${fair.fairId}/availability`;
    const put = (who: { authorization: string }, blocked: string[]) =>
      t.inject({ method: 'PUT', url: `/api${url}`, headers: who, payload: { blocked } });

    const set = await put(exhibitor.auth, [S2, D2]);
    expect(set.statusCode).toBe(200);
    expect(json<Availability>(set)).toEqual({ fairId: fair.fairId, blocked: [S2, D2] });
    expect(json<Availability>(await get(url, exhibitor.auth)).blocked).toEqual([S2, D2]);
    await expectStatus(await put(exhibitor.auth, ['2026-12-03T01:10:00.000Z']), 400, 'VALIDATION_FAILED');
    expect(json<Availability>(await get(url, exhibitor.auth)).blocked).toEqual([S2, D2]);

    const refused = await post(`/fairs/${fair.fairId}/meetings`, buyer.auth, {
      withUserId: exhibitor.id,
      slots: [S1, S2],
    });
    await expectStatus(refused, 409, 'SLOT_UNAVAILABLE');
    expect(json<ApiErrorBody>(refused).message).toBe('Người này không có mặt vào khung giờ này.');

    const free = json<PersonSlot[]>(
      await get(`/fairs/${fair.fairId}/people/${exhibitor.id}/slots`, buyer.auth),
    );
    expect(free).toHaveLength(16);
    expect(free.filter((s) => !s.free).map((s) => s.start)).toEqual([S2, D2]);

    // the buyer blocks S3 after the exhibitor asked for it: the buyer cannot accept it
    const asked = await requestOk(exhibitor, buyer, [S3, S4]);
    expect((await put(buyer.auth, [S3])).statusCode).toBe(200);
    await expectStatus(
      await post(`/meetings/${asked.id}/accept`, buyer.auth, { slotStart: S3 }),
      409,
      'SLOT_UNAVAILABLE',
    );
    // a counter onto the exhibitor's blocked slot is refused too
    await expectStatus(
      await post(`/meetings/${asked.id}/counter`, buyer.auth, { slots: [S2] }),
      409,
      'SLOT_UNAVAILABLE',
    );
    expect((await post(`/meetings/${asked.id}/accept`, buyer.auth, { slotStart: S4 })).statusCode).toBe(200);
    const busy = json<PersonSlot[]>(
      await get(`/fairs/${fair.fairId}/people/${buyer.id}/slots`, exhibitor.auth),
    );
    expect(busy.filter((s) => !s.free).map((s) => s.start)).toEqual([S3, S4]);
    // a reschedule onto the exhibitor's blocked day-2 slot is refused
    await expectStatus(
      await post(`/meetings/${asked.id}/reschedule`, buyer.auth, { slots: [D2] }),
      409,
      'SLOT_UNAVAILABLE',
    );
    // clearing the list frees the slots
    expect(json<Availability>(await put(exhibitor.auth, [])).blocked).toEqual([]);
    expect((await post(`/meetings/${asked.id}/reschedule`, buyer.auth, { slots: [D2] })).statusCode).toBe(
      200,
    );
  });

  it('lists the attending people of the other side, with company, country and booth', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const seenByBuyer = json<FairAttendee[]>(
      await get(`/fairs/${fair.fairId}/attendees?companyId=${exhibitor.companyId}`, buyer.auth),
    );
    expect(seenByBuyer).toEqual([
      expect.objectContaining({
        userId: exhibitor.id,
        companyId: exhibitor.companyId,
        side: 'exhibitor',
        boothCode: exhibitor.booth,
        hallName: 'Hall A',
      }),
    ]);
    const everyone = json<FairAttendee[]>(await get(`/fairs/${fair.fairId}/attendees`, buyer.auth));
    expect(everyone.every((a) => a.side === 'exhibitor')).toBe(true);
    expect(everyone.map((a) => a.userId)).toContain(exhibitor.id);
    expect(everyone.map((a) => a.userId)).not.toContain(buyer.id);

    const seenByExhibitor = json<FairAttendee[]>(
      await get(`/fairs/${fair.fairId}/attendees?companyId=${buyer.companyId}`, exhibitor.auth),
    );
    expect(seenByExhibitor).toEqual([
      expect.objectContaining({ userId: buyer.id, side: 'buyer', countryCode: 'DE', boothCode: null }),
    ]);
    await expectStatus(
      await get(`/fairs/${fair.fairId}/attendees?companyId=nope`, buyer.auth),
      400,
      'VALIDATION_FAILED',
    );
    // a colleague's own slots are visible; a person of the same side at another company is not
    const sameSide = await buyerAt(t, fair);
    await expectStatus(
      await get(`/fairs/${fair.fairId}/people/${sameSide.id}/slots`, buyer.auth),
      404,
      'NOT_FOUND',
    );
  });

  it('a stranger from a third company is refused on every new endpoint', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const pending = await requestOk(buyer, exhibitor, [S1]);
    const accepted = await requestOk(buyer, exhibitor, [S3]);
    expect(
      (await post(`/meetings/${accepted.id}/accept`, exhibitor.auth, { slotStart: S3 })).statusCode,
    ).toBe(200);
    expect((await post(`/meetings/${accepted.id}/reschedule`, buyer.auth, { slots: [D2] })).statusCode).toBe(
      200,
    );

    const f = new Factory(t);
    const notAtFair = [await f.member('buyer', 'approved'), await f.member('exhibitor', 'approved')];
    for (const stranger of [await buyerAt(t, fair), await exhibitorAt(t, fair), ...notAtFair]) {
      const calls = [
        t.inject({
          method: 'PATCH',
          url: `/api/meetings/${pending.id}`,
          headers: stranger.auth,
          payload: { message: 'x' },
        }),
        post(`/meetings/${pending.id}/counter`, stranger.auth, { slots: [S2] }),
        post(`/meetings/${accepted.id}/reschedule`, stranger.auth, { slots: [D2b] }),
        post(`/meetings/${accepted.id}/reschedule/accept`, stranger.auth, { slotStart: D2 }),
        post(`/meetings/${accepted.id}/reschedule/decline`, stranger.auth),
      ];
      for (const res of await Promise.all(calls))
        expect([res.statusCode, code(res)]).toEqual([403, 'FORBIDDEN']);
    }
    // companies not at the fair see neither its people nor their free time, and have no availability there
    for (const stranger of notAtFair) {
      for (const url of [
        `/fairs/${fair.fairId}/attendees`,
        `/fairs/${fair.fairId}/people/${exhibitor.id}/slots`,
        `/fairs/${fair.fairId}/availability`,
      ]) {
        const res = await get(url, stranger.auth);
        expect([url, res.statusCode]).toEqual([url, 403]);
      }
      const put = await t.inject({
        method: 'PUT',
        url: `/api/fairs/${fair.fairId}/availability`,
        headers: stranger.auth,
        payload: { blocked: [S1] },
      });
      expect(put.statusCode).toBe(403);
    }
    const organizer = await f.organizer();
    expect((await post(`/meetings/${pending.id}/counter`, organizer.auth, { slots: [S2] })).statusCode).toBe(
      403,
    );
    expect((await get(`/fairs/${fair.fairId}/attendees`, organizer.auth)).statusCode).toBe(403);

    const rows = await t.dataSource.query(
      `SELECT id, sequence, status, lower(time_range) AS start FROM meetings WHERE id = ANY($1) ORDER BY sequence`,
      [[pending.id, accepted.id]],
    );
    expect(rows).toEqual([
      { id: pending.id, sequence: 0, status: 'requested', start: null },
      { id: accepted.id, sequence: 2, status: 'accepted', start: new Date(S3) },
    ]);
    expect(await detail(accepted.id, buyer.auth)).toMatchObject({ reschedule: { proposedBy: 'buyer' } });
  });

  it('counter and reschedule validate their slots', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const meeting = await requestOk(buyer, exhibitor, [S1]);
    for (const slots of [[], [S1, S2, S3, S4], ['2026-12-03T01:10:00.000Z'], ['tomorrow']]) {
      await expectStatus(
        await post(`/meetings/${meeting.id}/counter`, exhibitor.auth, { slots }),
        400,
        'VALIDATION_FAILED',
      );
    }
    await expectStatus(
      await post(`/meetings/${meeting.id}/reschedule`, buyer.auth, { slots: [S2] }),
      409,
      'INVALID_MEETING_TRANSITION',
    );
    t.clock.set(new Date('2026-12-03T01:40:00Z'));
    await expectStatus(
      await post(`/meetings/${meeting.id}/counter`, signedAgain(t, exhibitor), { slots: [S2] }),
      409,
      'SLOT_STARTED',
    );
  });

  it('expiry: after the time limit, or once every proposed slot has begun; both people are told', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const byLimit = await requestOk(buyer, exhibitor, [S1, S3]);
    expect(byLimit.expiresAt).toBe('2026-11-29T02:00:00.000Z');
    t.clock.set(new Date('2026-12-02T20:00:00Z'));
    // requested 5 hours before its only slot: it lapses when that slot begins
    const bySlot = await requestOk({ ...buyer, auth: signedAgain(t, buyer) }, exhibitor, [S1]);
    expect(bySlot.expiresAt).toBe(S1);

    expect((await service.expireDue(new Date('2026-11-29T01:59:59Z'))).expired).not.toContain(byLimit.id);
    const first = await service.expireDue(new Date('2026-11-29T02:00:00Z'));
    expect(first.expired).toContain(byLimit.id);
    expect(first.expired).not.toContain(bySlot.id);
    expect((await service.expireDue(new Date(S1))).expired).toEqual(expect.arrayContaining([bySlot.id]));
    // already expired ones are not expired again
    expect((await service.expireDue(new Date(S1))).expired).toEqual([]);

    for (const id of [byLimit.id, bySlot.id]) {
      expect(await detail(id, signedAgain(t, buyer))).toMatchObject({ status: 'expired', awaiting: null });
    }
    for (const who of [buyer, exhibitor]) {
      expect((await notes(who.id, 'meeting.expired')).map((n) => n.meetingId).sort()).toEqual(
        [byLimit.id, bySlot.id].sort(),
      );
    }
    await expectStatus(
      await post(`/meetings/${byLimit.id}/accept`, signedAgain(t, exhibitor), { slotStart: S3 }),
      409,
      'INVALID_MEETING_TRANSITION',
    );
  });

  it('a reschedule proposal nobody answers lapses; the meeting keeps its time', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const meeting = await requestOk(buyer, exhibitor, [S4]);
    expect((await post(`/meetings/${meeting.id}/accept`, exhibitor.auth, { slotStart: S4 })).statusCode).toBe(
      200,
    );
    const proposed = json<MeetingDetail>(
      await post(`/meetings/${meeting.id}/reschedule`, exhibitor.auth, { slots: [D2] }),
    );
    expect(proposed.reschedule?.expiresAt).toBe('2026-11-29T02:00:00.000Z');
    const at = new Date('2026-11-29T02:00:00Z');
    t.clock.set(at);
    await expectStatus(
      await post(`/meetings/${meeting.id}/reschedule/accept`, signedAgain(t, buyer), { slotStart: D2 }),
      409,
      'MEETING_EXPIRED',
    );
    expect((await service.expireDue(at)).lapsedReschedules).toContain(meeting.id);
    expect(await detail(meeting.id, signedAgain(t, buyer))).toMatchObject({
      status: 'accepted',
      start: S4,
      reschedule: null,
      awaiting: null,
    });
    // now either side may propose again
    expect(
      (await post(`/meetings/${meeting.id}/reschedule`, signedAgain(t, buyer), { slots: [D2b] })).statusCode,
    ).toBe(200);
  });

  it('no-show job: accepted meetings nobody checked in by end + grace become no_show', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const missed = await requestOk(buyer, exhibitor, [S1]);
    const held = await requestOk(buyer, exhibitor, [S2]);
    for (const [m, slot] of [
      [missed, S1],
      [held, S2],
    ] as const) {
      expect((await post(`/meetings/${m.id}/accept`, exhibitor.auth, { slotStart: slot })).statusCode).toBe(
        200,
      );
    }
    await t.dataSource.query(`UPDATE meetings SET checked_in_at = $2, status = 'held' WHERE id = $1`, [
      held.id,
      new Date('2026-12-03T01:35:00Z'),
    ]);
    // S1 ends 01:30; the default grace is 15 minutes
    expect(
      await service.markNoShows(new Date(new Date('2026-12-03T01:45:00Z').getTime() - MINUTE)),
    ).not.toContain(missed.id);
    const marked = await service.markNoShows(new Date('2026-12-03T01:45:00Z'));
    expect(marked).toContain(missed.id);
    expect(await service.markNoShows(new Date('2026-12-03T06:00:00Z'))).not.toContain(held.id);
    const rows = await t.dataSource.query(`SELECT id, status FROM meetings WHERE id = ANY($1)`, [
      [missed.id, held.id],
    ]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({
      [missed.id]: 'no_show',
      [held.id]: 'held',
    });
  });

  it('reminders go out once, to both people, within the fair’s reminder window, even with two runs at once', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const meeting = await requestOk(buyer, exhibitor, [D2]);
    expect((await post(`/meetings/${meeting.id}/accept`, exhibitor.auth, { slotStart: D2 })).statusCode).toBe(
      200,
    );
    const early = new Date(new Date(D2).getTime() - 61 * MINUTE);
    expect(await service.sendReminders(early)).not.toContain(meeting.id);
    const due = new Date(new Date(D2).getTime() - 60 * MINUTE);
    const [a, b] = await Promise.all([service.sendReminders(due), service.sendReminders(due)]);
    expect([...a, ...b].filter((id) => id === meeting.id)).toHaveLength(1);
    expect(await service.sendReminders(new Date(new Date(D2).getTime() - 10 * MINUTE))).not.toContain(
      meeting.id,
    );
    for (const who of [buyer, exhibitor]) {
      const sent = await notes(who.id, 'meeting.reminder');
      expect(sent).toEqual([expect.objectContaining({ meetingId: meeting.id })]);
      expect(sent[0].time).toContain('Asia/Ho_Chi_Minh');
    }
    // e-mails through the outbox: the request or the acceptance, then exactly one reminder each
    const emails: { to_address: string; n: number }[] = await t.dataSource.query(
      `SELECT to_address, count(*)::int AS n FROM mail_outbox WHERE to_address = ANY($1) GROUP BY 1`,
      [[buyer.email, exhibitor.email]],
    );
    expect(Object.fromEntries(emails.map((e) => [e.to_address, e.n]))).toEqual({
      [buyer.email]: 2,
      [exhibitor.email]: 2,
    });
  });

  it('after acceptance a free interpreter is assigned; a reschedule releases them and looks again', async () => {
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const interpreter = await new Factory(t).user({ role: 'interpreter', fullName: 'Trần Phiên Dịch' });
    await t.dataSource.query(`INSERT INTO interpreter_profiles (user_id, languages) VALUES ($1, '{de}')`, [
      interpreter.id,
    ]);
    // works on the first day only
    await t.dataSource.query(
      `INSERT INTO interpreter_shifts (fair_id, user_id, shift)
       VALUES ($1, $2, tstzrange('2026-12-03T01:00:00Z', '2026-12-03T05:00:00Z', '[)'))`,
      [fair.fairId, interpreter.id],
    );
    const meeting = await requestOk(buyer, exhibitor, [S3], { interpreterLanguage: 'de' });
    const accepted = json<MeetingDetail>(
      await post(`/meetings/${meeting.id}/accept`, exhibitor.auth, { slotStart: S3 }),
    );
    expect(accepted).toMatchObject({ interpreterUserId: interpreter.id, interpreterName: 'Trần Phiên Dịch' });

    expect((await post(`/meetings/${meeting.id}/reschedule`, buyer.auth, { slots: [D2] })).statusCode).toBe(
      200,
    );
    const moved = json<MeetingDetail>(
      await post(`/meetings/${meeting.id}/reschedule/accept`, exhibitor.auth, { slotStart: D2 }),
    );
    // nobody interprets German on day 2: the move stands and the meeting waits for an interpreter
    expect(moved).toMatchObject({ start: D2, interpreterUserId: null, interpreterLanguage: 'de' });
    expect(await notes(interpreter.id, 'meeting.rescheduled')).toHaveLength(1);
  });
});

describe('meetings jobs', () => {
  it('with JOBS=true each instance schedules the expiry, no-show and reminder work once a minute in pg-boss', async () => {
    const db = await createTestDatabase();
    const first = await createTestApp({ db, env: { JOBS: 'true' } });
    const second = await createTestApp({ db, env: { JOBS: 'true' } });
    try {
      const rows = await first.dataSource.query(
        `SELECT name, cron FROM pgboss.schedule WHERE name LIKE 'meetings-%' ORDER BY name`,
      );
      // two instances, one schedule row per queue: pg-boss then inserts one job per tick for both
      expect(rows).toEqual([
        { name: 'meetings-expire', cron: '* * * * *' },
        { name: 'meetings-no-show', cron: '* * * * *' },
        { name: 'meetings-reminders', cron: '* * * * *' },
      ]);
    } finally {
      await first.close();
      await second.close();
      await db.drop();
    }
  });
});
