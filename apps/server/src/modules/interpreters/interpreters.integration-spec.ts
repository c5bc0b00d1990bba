import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  FairInterpreter,
  InterpreterSelf,
  MeetingAwaitingInterpreter,
  MeetingInterpreter,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { InterpretersService } from './interpreters.service';

// the fair runs in Ho Chi Minh City (UTC+7): 08:00–12:00 local is 01:00–05:00 UTC
const DAY1 = '2026-12-03';
const at = (hhmm: string) => `${DAY1}T${hhmm}:00.000Z`;
const code = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).code;

async function seedFair(t: TestApp): Promise<string> {
  const [fair] = await t.dataSource.query(
    `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone)
     VALUES ($1, 'Hội chợ Thủ công', 'Craft Fair', 'SECC', 'live', 30, 0, 'Asia/Ho_Chi_Minh') RETURNING id`,
    [`fair-${randomUUID()}`],
  );
  await t.dataSource.query(
    `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, $2, '08:00', '12:00')`,
    [fair.id, DAY1],
  );
  return fair.id;
}

/** An accepted meeting between two fresh companies, straight in the database. */
async function acceptedMeeting(
  t: TestApp,
  fairId: string,
  slot: { start: string; end: string },
  language: string | null = 'ja',
): Promise<{ id: string; buyer: TestUser; exhibitor: TestUser }> {
  const f = new Factory(t);
  const buyer = await f.member('buyer', 'approved');
  const exhibitor = await f.member('exhibitor', 'approved');
  const [row] = await t.dataSource.query(
    `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                           requester_company_id, status, time_range, interpreter_language, expires_at)
     VALUES ($1, $2, $3, $4, $5, $2, 'accepted', tstzrange($6, $7, '[)'), $8, $6) RETURNING id`,
    [fairId, buyer.companyId, exhibitor.companyId, buyer.id, exhibitor.id, slot.start, slot.end, language],
  );
  return { id: row.id, buyer, exhibitor };
}

describe('interpreters', () => {
  let t: TestApp;
  let fairId: string;
  let organizer: TestUser;
  let service: InterpretersService;

  const register = (userId: string, payload: object, who = organizer) =>
    t.inject({
      method: 'PUT',
      url: `/api/fairs/${fairId}/interpreters/${userId}`,
      headers: who.auth,
      payload,
    });
  const waiting = async () => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/fairs/${fairId}/interpreters/waiting-meetings`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(200);
    return json<MeetingAwaitingInterpreter[]>(res);
  };
  const interpreter = async (languages: string[], shifts: { start: string; end: string }[]) => {
    const user = await new Factory(t).user({
      role: 'interpreter',
      fullName: `Interpreter ${languages.join('/')}`,
    });
    const res = await register(user.id, { languages, shifts });
    expect(res.statusCode).toBe(200);
    return user;
  };
  const morning = [{ start: at('01:00'), end: at('05:00') }];

  beforeAll(async () => {
    t = await createTestApp();
    fairId = await seedFair(t);
    organizer = await new Factory(t).organizer();
    service = t.app.get(InterpretersService);
  });
  afterAll(() => t.close());

  it('registers an interpreter with languages and shifts; PUT replaces, overlapping shifts merge', async () => {
    const user = await new Factory(t).user({ role: 'interpreter' });
    const first = await register(user.id, {
      languages: ['JA', 'en', 'ja'],
      shifts: [
        { start: at('01:00'), end: at('02:00') },
        { start: at('01:30'), end: at('03:00') },
        { start: at('04:00'), end: at('05:00') },
      ],
    });
    expect(first.statusCode).toBe(200);
    expect(json<FairInterpreter>(first)).toMatchObject({
      userId: user.id,
      languages: ['ja', 'en'],
      shifts: [
        { start: at('01:00'), end: at('03:00') },
        { start: at('04:00'), end: at('05:00') },
      ],
      assignedMeetings: 0,
    });
    const replaced = await register(user.id, {
      languages: ['ko'],
      shifts: [{ start: at('02:00'), end: at('03:00') }],
    });
    expect(json<FairInterpreter>(replaced)).toMatchObject({
      languages: ['ko'],
      shifts: [{ start: at('02:00'), end: at('03:00') }],
    });
    const list = await t.inject({
      method: 'GET',
      url: `/api/fairs/${fairId}/interpreters`,
      headers: organizer.auth,
    });
    expect(json<FairInterpreter[]>(list).find((i) => i.userId === user.id)?.languages).toEqual(['ko']);

    // the interpreter sees their own languages and fairs
    const self = await t.inject({ method: 'GET', url: '/api/interpreters/me', headers: user.auth });
    expect(self.statusCode).toBe(200);
    expect(json<InterpreterSelf>(self)).toMatchObject({
      userId: user.id,
      languages: ['ko'],
      fairs: [{ fairId, timeZone: 'Asia/Ho_Chi_Minh', shifts: [{ start: at('02:00'), end: at('03:00') }] }],
    });
    expect(
      (await t.inject({ method: 'GET', url: '/api/interpreters/me', headers: organizer.auth })).statusCode,
    ).toBe(403);

    // bad input, wrong people
    const backwards = await register(user.id, {
      languages: ['ja'],
      shifts: [{ start: at('03:00'), end: at('02:00') }],
    });
    expect(backwards.statusCode).toBe(400);
    expect((JSON.parse(backwards.body) as ApiErrorBody).details?.fields).toEqual({
      'shifts.0.end': 'INVALID_VALUE',
    });
    expect((await register(user.id, { languages: ['xx'], shifts: [] })).statusCode).toBe(400);
    expect(
      (await register(user.id, { languages: ['ja'], shifts: [{ start: 'tomorrow', end: at('02:00') }] }))
        .statusCode,
    ).toBe(400);
    const buyer = await new Factory(t).member('buyer', 'approved');
    expect((await register(buyer.id, { languages: ['ja'], shifts: [] })).statusCode).toBe(404);
    expect((await register(user.id, { languages: ['ja'], shifts: [] }, buyer)).statusCode).toBe(403);
    const staff = await new Factory(t).user({ role: 'organizer_staff' });
    expect((await register(user.id, { languages: ['ja'], shifts: [] }, staff)).statusCode).toBe(403);
    expect(
      (await t.inject({ method: 'GET', url: `/api/fairs/${fairId}/interpreters`, headers: buyer.auth }))
        .statusCode,
    ).toBe(403);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM interpreter_shifts WHERE user_id = $1`,
      [user.id],
    );
    expect(n).toBe(1);
  });

  it('assigns the one free ja interpreter to the first of two simultaneous meetings; the second waits', async () => {
    const slot = { start: at('02:00'), end: at('02:30') };
    const ja = await interpreter(['ja', 'en'], morning);
    await interpreter(['fr'], morning); // works then, but speaks no Japanese
    await interpreter(['ja'], [{ start: at('03:00'), end: at('05:00') }]); // speaks it, but off shift then
    const first = await acceptedMeeting(t, fairId, slot);
    const second = await acceptedMeeting(t, fairId, slot);

    expect(await service.autoAssign(first.id)).toBe(ja.id);
    expect(await service.autoAssign(second.id)).toBeNull();

    const [m1] = await t.dataSource.query(
      `SELECT interpreter_user_id, sequence FROM meetings WHERE id = $1`,
      [first.id],
    );
    expect(m1).toEqual({ interpreter_user_id: ja.id, sequence: 1 });
    const notified: { user_id: string }[] = await t.dataSource.query(
      `SELECT user_id FROM notifications WHERE type = 'meeting.interpreter_assigned' AND data->>'meetingId' = $1`,
      [first.id],
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([first.buyer.id, first.exhibitor.id, ja.id].sort());

    const list = await waiting();
    const entry = list.find((w) => w.meetingId === second.id);
    expect(entry).toMatchObject({ language: 'ja', start: slot.start, end: slot.end, candidates: [] });
    expect(list.some((w) => w.meetingId === first.id)).toBe(false);
  });

  it('lets the organizer assign by hand, refuses the ineligible and the busy, and unassigns', async () => {
    // a fair of its own, so the interpreters of the other tests are not candidates
    fairId = await seedFair(t);
    const slot = { start: at('03:30'), end: at('04:00') };
    const busy = await interpreter(['ja'], morning);
    const taken = await acceptedMeeting(t, fairId, slot);
    expect(await service.autoAssign(taken.id)).toBe(busy.id);
    const meeting = await acceptedMeeting(t, fairId, slot);
    expect(await service.autoAssign(meeting.id)).toBeNull();
    const fr = await interpreter(['fr'], morning);
    const offShift = await interpreter(['ja'], [{ start: at('01:00'), end: at('03:45') }]);
    const late = await interpreter(['ja'], morning);

    const assign = (userId: string, who = organizer) =>
      t.inject({
        method: 'POST',
        url: `/api/meetings/${meeting.id}/interpreter`,
        headers: who.auth,
        payload: { userId },
      });

    const entry = (await waiting()).find((w) => w.meetingId === meeting.id);
    expect(entry?.candidates).toEqual([{ userId: late.id, fullName: 'Interpreter ja' }]);

    const wrongLanguage = await assign(fr.id);
    expect(wrongLanguage.statusCode).toBe(409);
    expect(code(wrongLanguage)).toBe('INTERPRETER_NOT_ELIGIBLE');
    expect(code(await assign(offShift.id))).toBe('INTERPRETER_NOT_ELIGIBLE');
    const slotTaken = await assign(busy.id);
    expect(slotTaken.statusCode).toBe(409);
    expect(code(slotTaken)).toBe('SLOT_TAKEN');
    expect((await assign(late.id, meeting.buyer)).statusCode).toBe(403);
    expect((await assign('not-a-uuid')).statusCode).toBe(400);
    const stranger = await t.inject({
      method: 'POST',
      url: `/api/meetings/${randomUUID()}/interpreter`,
      headers: organizer.auth,
      payload: { userId: late.id },
    });
    expect(stranger.statusCode).toBe(404);

    const ok = await assign(late.id);
    expect(ok.statusCode).toBe(200);
    expect(json<MeetingInterpreter>(ok)).toMatchObject({
      meetingId: meeting.id,
      interpreterUserId: late.id,
      sequence: 1,
    });
    expect((await waiting()).some((w) => w.meetingId === meeting.id)).toBe(false);

    const off = await t.inject({
      method: 'DELETE',
      url: `/api/meetings/${meeting.id}/interpreter`,
      headers: organizer.auth,
    });
    expect(off.statusCode).toBe(204);
    expect((await waiting()).some((w) => w.meetingId === meeting.id)).toBe(true);

    const noNeed = await acceptedMeeting(t, fairId, { start: at('04:00'), end: at('04:30') }, null);
    const refused = await t.inject({
      method: 'POST',
      url: `/api/meetings/${noNeed.id}/interpreter`,
      headers: organizer.auth,
      payload: { userId: late.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(code(refused)).toBe('INVALID_MEETING_TRANSITION');
  });

  it('never double books an interpreter under 20 concurrent assignments', async () => {
    const [fair2] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone)
       VALUES ($1, 'Hội chợ 2', 'Fair 2', 'SECC', 'live', 30, 0, 'Asia/Ho_Chi_Minh') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    const day = (hhmm: string) => `2026-12-10T${hhmm}:00.000Z`;
    const f = new Factory(t);
    const kos: TestUser[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await f.user({ role: 'interpreter' });
      const res = await t.inject({
        method: 'PUT',
        url: `/api/fairs/${fair2.id}/interpreters/${user.id}`,
        headers: organizer.auth,
        payload: { languages: ['ko'], shifts: [{ start: day('01:00'), end: day('05:00') }] },
      });
      expect(res.statusCode).toBe(200);
      kos.push(user);
    }
    // 20 meetings that all overlap 02:00–02:30 (staggered by a minute)
    const meetings = [];
    for (let i = 0; i < 20; i++) {
      const start = new Date(Date.parse(day('02:00')) + i * 60_000).toISOString();
      const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
      meetings.push(await acceptedMeeting(t, fair2.id, { start, end }, 'ko'));
    }
    const results = await Promise.all(meetings.map((m) => service.autoAssign(m.id)));
    const assigned = results.filter((r): r is string => r !== null);
    expect(assigned).toHaveLength(3);
    expect(new Set(assigned)).toEqual(new Set(kos.map((k) => k.id)));

    const [{ overlaps }] = await t.dataSource.query(
      `SELECT count(*)::int AS overlaps FROM meetings a JOIN meetings b
          ON a.id < b.id AND a.interpreter_user_id = b.interpreter_user_id AND a.time_range && b.time_range
       WHERE a.fair_id = $1 AND a.status IN ('accepted','held') AND b.status IN ('accepted','held')`,
      [fair2.id],
    );
    expect(overlaps).toBe(0);
    const waitingNow = await t.inject({
      method: 'GET',
      url: `/api/fairs/${fair2.id}/interpreters/waiting-meetings`,
      headers: organizer.auth,
    });
    expect(json<MeetingAwaitingInterpreter[]>(waitingNow)).toHaveLength(17);
  });
});
