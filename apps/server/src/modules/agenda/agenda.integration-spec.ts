import { randomUUID } from 'node:crypto';
import * as ical from 'node-ical';
import type { Agenda, ApiErrorBody, CalendarFeedToken, CalendarFeedTokenStatus } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

const code = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).code;

interface World {
  fairId: string;
  buyer: TestUser;
  exhibitor: TestUser;
  interpreter: TestUser;
  organizer: TestUser;
  exhibitorCompany: string;
  buyerCompany: string;
}

/** A fair in Ho Chi Minh City (UTC+7), an exhibitor at booth A-07, an English-speaking buyer, a ja interpreter. */
async function seed(t: TestApp): Promise<World> {
  const f = new Factory(t);
  const [fair] = await t.dataSource.query(
    `INSERT INTO fairs (slug, name_vi, name_en, venue, status, slot_minutes, buffer_minutes, time_zone)
     VALUES ($1, 'Hội chợ Thủ công', 'Craft Fair', 'SECC', 'live', 30, 0, 'Asia/Ho_Chi_Minh') RETURNING id`,
    [`fair-${randomUUID()}`],
  );
  await t.dataSource.query(
    `INSERT INTO fair_days (fair_id, day, opens_at, closes_at)
     VALUES ($1, '2026-12-03', '08:00', '12:00'), ($1, '2026-12-04', '08:00', '12:00')`,
    [fair.id],
  );
  const [hall] = await t.dataSource.query(
    `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A') RETURNING id`,
    [fair.id],
  );
  const exhibitorCompany = await f.company({ kind: 'exhibitor', status: 'approved', name: 'Gốm Chu Đậu' });
  const exhibitor = await f.user({
    role: 'exhibitor',
    companyId: exhibitorCompany,
    locale: 'vi',
    fullName: 'Trần Thị Lan',
  });
  await t.dataSource.query(
    `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, 'A-07')`,
    [fair.id, exhibitorCompany, hall.id],
  );
  const buyerCompany = await f.company({ kind: 'buyer', status: 'approved', name: 'Berlin Home GmbH' });
  const buyer = await f.user({
    role: 'buyer',
    companyId: buyerCompany,
    locale: 'en',
    fullName: 'Jonas Weber',
  });
  const interpreter = await f.user({ role: 'interpreter', locale: 'en', fullName: 'Sato Yuki' });
  return {
    fairId: fair.id,
    buyer,
    exhibitor,
    interpreter,
    organizer: await f.organizer(),
    exhibitorCompany,
    buyerCompany,
  };
}

async function meeting(
  t: TestApp,
  w: World,
  input: {
    start: string;
    end: string;
    status?: string;
    interpreter?: string | null;
    language?: string | null;
  },
): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                           requester_company_id, status, time_range, interpreter_language, interpreter_user_id,
                           expires_at, sequence)
     VALUES ($1, $2, $3, $4, $5, $2, $6, tstzrange($7, $8, '[)'), $9, $10, $7, 1) RETURNING id`,
    [
      w.fairId,
      w.buyerCompany,
      w.exhibitorCompany,
      w.buyer.id,
      w.exhibitor.id,
      input.status ?? 'accepted',
      input.start,
      input.end,
      input.language ?? null,
      input.interpreter ?? null,
    ],
  );
  return row.id;
}

function parse(body: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(body)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
}

describe('agenda and calendar', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seed(t);
  });
  afterAll(() => t.close());

  const get = (url: string, who?: TestUser) => t.inject({ method: 'GET', url, headers: who ? who.auth : {} });

  it("groups each person's meetings by day in the fair's time zone", async () => {
    const morning = await meeting(t, w, {
      start: '2026-12-03T01:00:00Z',
      end: '2026-12-03T01:30:00Z',
      language: 'ja',
      interpreter: w.interpreter.id,
    });
    // 17:30 UTC on the 3rd is 00:30 on the 4th in Ho Chi Minh City
    const late = await meeting(t, w, { start: '2026-12-03T17:30:00Z', end: '2026-12-03T18:00:00Z' });
    await t.dataSource.query(
      `INSERT INTO attendee_blocked_slots (fair_id, user_id, slot)
       VALUES ($1, $2, tstzrange('2026-12-04T02:00:00Z', '2026-12-04T02:30:00Z', '[)'))`,
      [w.fairId, w.buyer.id],
    );

    const res = await get(`/api/fairs/${w.fairId}/agenda`, w.buyer);
    expect(res.statusCode).toBe(200);
    const agenda = json<Agenda>(res);
    expect(agenda).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      person: { userId: w.buyer.id, role: 'buyer' },
    });
    expect(agenda.days.map((d) => [d.date, d.opensAt, d.meetings.map((m) => m.id)])).toEqual([
      ['2026-12-03', '08:00', [morning]],
      ['2026-12-04', '08:00', [late]],
    ]);
    expect(agenda.days[0].meetings[0]).toMatchObject({
      role: 'buyer',
      start: '2026-12-03T01:00:00.000Z',
      end: '2026-12-03T01:30:00.000Z',
      status: 'accepted',
      otherParty: { companyName: 'Gốm Chu Đậu', fullName: 'Trần Thị Lan' },
      place: 'booth',
      booth: { code: 'A-07', hallName: 'Hall A' },
      table: null,
      interpreterLanguage: 'ja',
      interpreter: { userId: w.interpreter.id, fullName: 'Sato Yuki' },
    });
    expect(agenda.blocked).toEqual([{ start: '2026-12-04T02:00:00.000Z', end: '2026-12-04T02:30:00.000Z' }]);

    const exhibitorView = json<Agenda>(await get(`/api/fairs/${w.fairId}/agenda`, w.exhibitor));
    expect(exhibitorView.days[0].meetings[0]).toMatchObject({
      role: 'exhibitor',
      otherParty: { fullName: 'Jonas Weber' },
    });

    // the interpreter has their own agenda: only the meeting assigned to them
    const interpreterView = json<Agenda>(await get(`/api/fairs/${w.fairId}/agenda`, w.interpreter));
    expect(interpreterView.days.flatMap((d) => d.meetings.map((m) => [m.id, m.role, m.otherParty]))).toEqual([
      [morning, 'interpreter', null],
    ]);

    // the organizer reads anyone's; nobody else does
    const byOrganizer = await get(`/api/fairs/${w.fairId}/agenda?userId=${w.buyer.id}`, w.organizer);
    expect(json<Agenda>(byOrganizer).person.userId).toBe(w.buyer.id);
    const snooping = await get(`/api/fairs/${w.fairId}/agenda?userId=${w.buyer.id}`, w.exhibitor);
    expect(snooping.statusCode).toBe(403);
    expect((await get(`/api/fairs/${w.fairId}/agenda?userId=nope`, w.organizer)).statusCode).toBe(400);
    expect((await get(`/api/fairs/${randomUUID()}/agenda`, w.buyer)).statusCode).toBe(404);
    expect((await get(`/api/fairs/${w.fairId}/agenda`)).statusCode).toBe(401);
    const stranger = await new Factory(t).member('buyer', 'approved');
    const empty = json<Agenda>(await get(`/api/fairs/${w.fairId}/agenda`, stranger));
    expect(empty.days.flatMap((d) => d.meetings)).toEqual([]);
  });

  it('exports a meeting as .ics with TZID and VTIMEZONE; a Berlin viewer gets the same instants', async () => {
    const id = await meeting(t, w, {
      start: '2026-12-04T03:00:00Z',
      end: '2026-12-04T03:30:00Z',
      language: 'ja',
      interpreter: null,
    });
    const res = await get(`/api/meetings/${id}/ics`, w.buyer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.ics');
    expect(res.body).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261204T100000\r\n');
    expect(res.body).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n');
    expect(res.body).toContain('TZOFFSETTO:+0700');

    const [event] = parse(res.body);
    expect(event.uid).toBe(`${id}@craftmatch`);
    expect(event.start.toISOString()).toBe('2026-12-04T03:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2026-12-04T03:30:00.000Z');
    // a buyer's calendar in Berlin (CET, UTC+1) shows 04:00, the fair's clock 10:00
    const wall = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
        event.start,
      );
    expect(wall('Europe/Berlin')).toBe('04:00');
    expect(wall('Asia/Ho_Chi_Minh')).toBe('10:00');
    expect(event.status).toBe('CONFIRMED');
    expect(event.sequence).toBe(1);
    expect(event.summary).toBe('Meeting with Gốm Chu Đậu');
    expect(String(event.description)).toContain('Interpreter (Japanese): not yet assigned');
    expect(String(event.location)).toBe('Booth A-07, Hall A, SECC');

    // the exhibitor's copy is in Vietnamese
    const vi = parse((await get(`/api/meetings/${id}/ics`, w.exhibitor)).body)[0];
    expect(vi.summary).toBe('Gặp Berlin Home GmbH');
    expect(String(vi.location)).toBe('Gian hàng A-07, Hall A, SECC');
    expect(String(vi.description)).toContain('Phiên dịch (tiếng Nhật): chưa phân công');

    // the organizer may; a stranger, another company's member and the anonymous may not
    const byOrganizer = await get(`/api/meetings/${id}/ics`, w.organizer);
    expect(byOrganizer.statusCode).toBe(200);
    expect(parse(byOrganizer.body)[0].summary).toBe('Cuộc gặp: Berlin Home GmbH và Gốm Chu Đậu');
    const stranger = await new Factory(t).member('exhibitor', 'approved');
    const refused = await get(`/api/meetings/${id}/ics`, stranger);
    expect(refused.statusCode).toBe(403);
    expect(code(refused)).toBe('FORBIDDEN');
    expect((await get(`/api/meetings/${id}/ics`, w.interpreter)).statusCode).toBe(403);
    expect((await get(`/api/meetings/${id}/ics`)).statusCode).toBe(401);
    expect((await get(`/api/meetings/${randomUUID()}/ics`, w.buyer)).statusCode).toBe(404);
  });

  it('keeps the UID with a higher SEQUENCE when rescheduled, and marks a cancelled meeting CANCELLED', async () => {
    const id = await meeting(t, w, { start: '2026-12-04T04:00:00Z', end: '2026-12-04T04:30:00Z' });
    const before = parse((await get(`/api/meetings/${id}/ics`, w.buyer)).body)[0];

    await t.dataSource.query(
      `UPDATE meetings SET time_range = tstzrange('2026-12-04T04:30:00Z', '2026-12-04T05:00:00Z', '[)'),
              sequence = sequence + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
    const moved = parse((await get(`/api/meetings/${id}/ics`, w.buyer)).body)[0];
    expect(moved.uid).toBe(before.uid);
    expect(moved.sequence).toBeGreaterThan(before.sequence!);
    expect(moved.start.toISOString()).toBe('2026-12-04T04:30:00.000Z');

    await t.dataSource.query(
      `UPDATE meetings SET status = 'cancelled', cancel_reason = 'flight', sequence = sequence + 1 WHERE id = $1`,
      [id],
    );
    const cancelled = parse((await get(`/api/meetings/${id}/ics`, w.buyer)).body)[0];
    expect(cancelled.uid).toBe(before.uid);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence!);
    expect(cancelled.summary).toBe('Cancelled: meeting with Gốm Chu Đậu');

    // a pending request has no time yet
    const [pending] = await t.dataSource.query(
      `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                             requester_company_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $2, '2026-12-04T00:00:00Z') RETURNING id`,
      [w.fairId, w.buyerCompany, w.exhibitorCompany, w.buyer.id, w.exhibitor.id],
    );
    const unscheduled = await get(`/api/meetings/${pending.id}/ics`, w.buyer);
    expect(unscheduled.statusCode).toBe(409);
    expect(code(unscheduled)).toBe('MEETING_NOT_SCHEDULED');
  });

  it('serves a secret feed URL; regenerating it makes the old one 404; cancelled meetings stay in it', async () => {
    const initial = await get('/api/calendar/feed-token', w.buyer);
    expect(json<CalendarFeedTokenStatus>(initial)).toEqual({ active: false, createdAt: null });

    const first = json<CalendarFeedToken>(
      await t.inject({ method: 'POST', url: '/api/calendar/feed-token', headers: w.buyer.auth }),
    );
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(first.webcalUrl).toBe(first.url.replace('http://', 'webcal://'));
    expect(json<CalendarFeedTokenStatus>(await get('/api/calendar/feed-token', w.buyer)).active).toBe(true);
    const [stored] = await t.dataSource.query(
      `SELECT token_hash FROM calendar_feed_tokens WHERE user_id = $1`,
      [w.buyer.id],
    );
    expect(first.url).not.toContain(stored.token_hash);

    const path = (url: string) => url.replace('http://localhost:3000', '');
    const feed = await get(path(first.url));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parse(feed.body);
    const rows: { id: string; status: string; start: Date }[] = await t.dataSource.query(
      `SELECT id, status, lower(time_range) AS start FROM meetings WHERE buyer_user_id = $1 AND time_range IS NOT NULL`,
      [w.buyer.id],
    );
    expect(events.map((e) => e.uid).sort()).toEqual(rows.map((r) => `${r.id}@craftmatch`).sort());
    for (const row of rows) {
      const event = events.find((e) => e.uid === `${row.id}@craftmatch`)!;
      expect(event.start.toISOString()).toBe(new Date(row.start).toISOString());
      expect(event.status).toBe(row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
    }
    expect(events.some((e) => e.status === 'CANCELLED')).toBe(true);
    expect(feed.body).toContain('X-WR-CALNAME:CraftMatch meetings – Jonas Weber');

    const second = json<CalendarFeedToken>(
      await t.inject({ method: 'POST', url: '/api/calendar/feed-token', headers: w.buyer.auth }),
    );
    expect(second.url).not.toBe(first.url);
    expect((await get(path(first.url))).statusCode).toBe(404);
    expect((await get(path(second.url))).statusCode).toBe(200);
    expect((await get('/api/calendar/feed/not-a-token.ics')).statusCode).toBe(404);
    expect((await get(path(second.url).replace('.ics', '.txt'))).statusCode).toBe(404);

    // the interpreter's feed holds only the meeting they interpret, in their language
    const theirs = json<CalendarFeedToken>(
      await t.inject({ method: 'POST', url: '/api/calendar/feed-token', headers: w.interpreter.auth }),
    );
    const interpreted = parse((await get(path(theirs.url))).body);
    expect(interpreted).toHaveLength(1);
    expect(interpreted[0].summary).toBe('Interpreting: Berlin Home GmbH and Gốm Chu Đậu');
  });

  it('follows the meeting life cycle through the API: interpreter on acceptance, reschedule, cancel', async () => {
    await t.dataSource.query(
      `INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`,
      [w.fairId, w.buyerCompany, w.buyer.id],
    );
    const ja = await new Factory(t).user({ role: 'interpreter', locale: 'en', fullName: 'Tanaka Mei' });
    const registered = await t.inject({
      method: 'PUT',
      url: `/api/fairs/${w.fairId}/interpreters/${ja.id}`,
      headers: w.organizer.auth,
      payload: {
        languages: ['ja'],
        shifts: [{ start: '2026-12-03T01:00:00Z', end: '2026-12-03T05:00:00Z' }],
      },
    });
    expect(registered.statusCode).toBe(200);

    const post = (url: string, who: TestUser, payload: object) =>
      t.inject({ method: 'POST', url: `/api${url}`, headers: who.auth, payload });
    const requested = await post(`/fairs/${w.fairId}/meetings`, w.buyer, {
      withUserId: w.exhibitor.id,
      slots: ['2026-12-03T03:00:00.000Z'],
      interpreterLanguage: 'ja',
    });
    expect(requested.statusCode).toBe(201);
    const id = json<{ id: string }>(requested).id;
    const accepted = await post(`/meetings/${id}/accept`, w.exhibitor, {
      slotStart: '2026-12-03T03:00:00.000Z',
    });
    expect(accepted.statusCode).toBe(200);

    // the interpreter was assigned on acceptance and sees the meeting in their own agenda
    const theirAgenda = json<Agenda>(await get(`/api/fairs/${w.fairId}/agenda`, ja));
    expect(theirAgenda.days.flatMap((d) => d.meetings.map((m) => m.id))).toEqual([id]);
    const first = parse((await get(`/api/meetings/${id}/ics`, w.buyer)).body)[0];
    expect(String(first.description)).toContain('Interpreter (Japanese): Tanaka Mei');
    expect(first.start.toISOString()).toBe('2026-12-03T03:00:00.000Z');

    const proposed = await post(`/meetings/${id}/reschedule`, w.buyer, {
      slots: ['2026-12-03T03:30:00.000Z'],
    });
    expect(proposed.statusCode).toBe(200);
    const moved = await post(`/meetings/${id}/reschedule/accept`, w.exhibitor, {
      slotStart: '2026-12-03T03:30:00.000Z',
    });
    expect(moved.statusCode).toBe(200);
    const second = parse((await get(`/api/meetings/${id}/ics`, w.buyer)).body)[0];
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBeGreaterThan(first.sequence!);
    expect(second.start.toISOString()).toBe('2026-12-03T03:30:00.000Z');

    const cancelled = await post(`/meetings/${id}/cancel`, w.exhibitor, { reason: 'Kiln firing overran' });
    expect(cancelled.statusCode).toBe(200);
    const third = parse((await get(`/api/meetings/${id}/ics`, w.buyer)).body)[0];
    expect(third.uid).toBe(first.uid);
    expect(third.status).toBe('CANCELLED');
    expect(third.sequence).toBeGreaterThan(second.sequence!);
  });
});
