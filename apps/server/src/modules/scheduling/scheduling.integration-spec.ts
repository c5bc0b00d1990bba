import type { Socket } from 'socket.io-client';
import type {
  ApiErrorBody,
  CurrentScheduleDraft,
  GenerateScheduleResponse,
  MeetingChangedEvent,
  MeetingDetail,
  Page,
  PublishScheduleResult,
  ScheduleAgenda,
  ScheduleDraftMeeting,
  ScheduleDraftPerson,
  ScheduleDraftSummary,
  ScheduleProgressEvent,
  ScheduleSettings,
  ScheduleUnscheduledPair,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { connectSocket } from '../../../test/sockets';
import { Factory, type TestUser } from '../../../test/factories';
import { buyerAt, exhibitorAt, seedFair, type SeededFair } from '../../../test/fair-fixtures';
import { I18nService } from '../../common/i18n.service';
import { formatInZone } from '../meeting-events';
import { SchedulingService } from './scheduling.service';

// the fair runs 08:00–12:00 in Ho Chi Minh City (UTC+7) on 3 and 4 December: 8 slots of 30 minutes a day
const DAY1 = ['01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30'].map(
  (t) => `2026-12-03T${t}:00.000Z`,
);

type Level = 'must' | 'would' | 'no_thanks';

describe('scheduling (integration)', () => {
  let t: TestApp;
  let f: Factory;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    organizer = await f.organizer();
  });
  afterAll(() => t.close());

  const wish = (fair: SeededFair, from: TestUser, to: TestUser, level: Level) =>
    t.dataSource.query(
      `INSERT INTO fair_wishes (fair_id, from_company_id, to_company_id, level) VALUES ($1, $2, $3, $4)`,
      [fair.fairId, from.companyId, to.companyId, level],
    );
  const mutual = async (fair: SeededFair, buyer: TestUser, exhibitor: TestUser, b: Level, e: Level) => {
    await wish(fair, buyer, exhibitor, b);
    await wish(fair, exhibitor, buyer, e);
  };
  const get = <T>(url: string, user: TestUser = organizer) =>
    t.inject({ method: 'GET', url: `/api${url}`, headers: user.auth }).then((r) => {
      expect(r.statusCode).toBe(200);
      return json<T>(r);
    });
  const generate = async (fair: SeededFair, mode: 'regenerate' | 'fill' = 'regenerate') => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/fairs/${fair.fairId}/scheduling/drafts`,
      headers: organizer.auth,
      payload: { mode },
    });
    expect(res.statusCode).toBe(202);
    const { draftId } = json<GenerateScheduleResponse>(res);
    await t.app.get(SchedulingService).settled(draftId);
    return get<ScheduleDraftSummary>(`/scheduling/drafts/${draftId}`);
  };
  const entries = (draftId: string, query = '') =>
    get<Page<ScheduleDraftMeeting>>(`/scheduling/drafts/${draftId}/meetings?pageSize=100${query}`);
  const publish = (draftId: string) =>
    t.inject({ method: 'POST', url: `/api/scheduling/drafts/${draftId}/publish`, headers: organizer.auth });
  /** Accepted/held meetings of the fair that overlap for a person, table or interpreter (must be none). */
  const doubleBookings = async (fairId: string): Promise<number> => {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM meetings a JOIN meetings b ON a.id < b.id AND a.time_range && b.time_range
        WHERE a.fair_id = $1 AND b.fair_id = $1 AND a.status IN ('accepted','held') AND b.status IN ('accepted','held')
          AND (a.buyer_user_id = b.buyer_user_id OR a.exhibitor_user_id = b.exhibitor_user_id
               OR a.table_id = b.table_id OR a.interpreter_user_id = b.interpreter_user_id)`,
      [fairId],
    );
    return row.n;
  };
  const connect = (user: TestUser): Promise<Socket> => connectSocket(t, user);
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (condition() ? resolve() : setTimeout(check, 20));
      check();
    });

  it('generates a draft in the background with live progress, then reviews it', async () => {
    const fair = await seedFair(t);
    const [b1, b2, b3, b4] = [
      await buyerAt(t, fair, { name: 'Anna GmbH', fullName: 'Anna Schmidt' }),
      await buyerAt(t, fair, { name: 'Bella SARL', fullName: 'Bella Martin' }),
      await buyerAt(t, fair, { name: 'Chiyo KK', fullName: 'Chiyo Tanaka' }),
      await buyerAt(t, fair, { name: 'Dana LLC', fullName: 'Dana Lee' }),
    ];
    const [e1, e2, e3] = [
      await exhibitorAt(t, fair, { name: 'Gốm Minh Long', fullName: 'Trần Gốm' }),
      await exhibitorAt(t, fair, { name: 'Mây tre Phú Vinh', fullName: 'Lê Mây' }),
      await exhibitorAt(t, fair, { name: 'Lụa Vạn Phúc', fullName: 'Phạm Lụa' }),
    ];
    // a Japanese-speaking buyer and a Vietnamese-only exhibitor need an interpreter; there is none
    await t.dataSource.query(`INSERT INTO buyer_profiles (company_id, languages) VALUES ($1, '{ja}')`, [
      b3.companyId,
    ]);
    await t.dataSource.query(`INSERT INTO exhibitor_profiles (company_id, languages) VALUES ($1, '{vi}')`, [
      e3.companyId,
    ]);
    await mutual(fair, b1, e1, 'must', 'must'); // 8
    await mutual(fair, b1, e2, 'would', 'must'); // 4
    await mutual(fair, b2, e1, 'would', 'would'); // 2
    await wish(fair, b2, e2, 'must'); // 1
    await wish(fair, b4, e3, 'would'); // one-sided would: not scheduled
    await mutual(fair, b4, e1, 'must', 'no_thanks'); // excluded
    await mutual(fair, b3, e3, 'must', 'must'); // 8, but no interpreter
    // Dana blocked every slot: her one pair has no common slot
    await mutual(fair, b4, e2, 'must', 'would');
    await t.dataSource.query(
      `INSERT INTO attendee_blocked_slots (fair_id, user_id, slot)
       SELECT $1, $2, tstzrange(s, s + interval '30 minutes', '[)')
         FROM generate_series('2026-12-03T01:00:00Z'::timestamptz, '2026-12-04T04:30:00Z', interval '30 minutes') s`,
      [fair.fairId, b4.id],
    );

    const socket = await connect(organizer);
    const events: ScheduleProgressEvent[] = [];
    socket.on('schedule:progress', (e: ScheduleProgressEvent) => events.push(e));
    try {
      const draft = await generate(fair);
      expect(draft).toMatchObject({
        fairId: fair.fairId,
        mode: 'regenerate',
        status: 'ready',
        progress: 1,
        scheduledWeight: 15,
        pairCount: 6,
        meetingCount: 4,
        unscheduledCount: 2,
        lockedCount: 0,
        createdBy: { userId: organizer.id },
      });
      expect(draft.bound).toBeGreaterThanOrEqual(15);
      expect(draft.ratio).toBeCloseTo(15 / draft.bound!);
      await until(() => events.some((e) => e.draftId === draft.id && e.status === 'ready'));
      const mine = events.filter((e) => e.draftId === draft.id);
      expect(mine.every((e) => e.fairId === fair.fairId && e.fraction >= 0 && e.fraction <= 1)).toBe(true);
      expect(mine[mine.length - 1]).toMatchObject({ status: 'ready', fraction: 1 });

      expect(
        (await get<CurrentScheduleDraft>(`/fairs/${fair.fairId}/scheduling/drafts/current`)).draft,
      ).toMatchObject({ id: draft.id, status: 'ready' });

      const all = await entries(draft.id);
      expect(all.total).toBe(4);
      expect(
        all.items.map((e) => `${e.buyer.companyName}→${e.exhibitor.companyName}:${e.weight}`).sort(),
      ).toEqual([
        'Anna GmbH→Gốm Minh Long:8',
        'Anna GmbH→Mây tre Phú Vinh:4',
        'Bella SARL→Gốm Minh Long:2',
        'Bella SARL→Mây tre Phú Vinh:1',
      ]);
      expect(all.items.every((e) => e.status === 'planned' && e.place === 'booth' && !e.kept)).toBe(true);
      expect(all.items.every((e) => DAY1.includes(e.start) || e.start.startsWith('2026-12-04'))).toBe(true);

      const anna = await get<ScheduleAgenda>(`/scheduling/drafts/${draft.id}/agenda/${b1.id}`);
      expect(anna.person).toMatchObject({ fullName: 'Anna Schmidt', side: 'buyer', meetingCount: 2 });
      expect(anna.timeZone).toBe('Asia/Ho_Chi_Minh');
      expect(anna.items.map((i) => i.with.companyName).sort()).toEqual(['Gốm Minh Long', 'Mây tre Phú Vinh']);
      expect(anna.items[0].start < anna.items[1].start).toBe(true);
      // Anna never meets two people at once
      expect(anna.items[0].end <= anna.items[1].start).toBe(true);

      const unscheduled = await get<Page<ScheduleUnscheduledPair>>(
        `/scheduling/drafts/${draft.id}/unscheduled`,
      );
      expect(unscheduled.items.map((u) => [u.buyer.companyName, u.reason, u.weight])).toEqual([
        ['Chiyo KK', 'no_interpreter', 8],
        ['Dana LLC', 'no_common_slot', 4],
      ]);
      const byReason = await get<Page<ScheduleUnscheduledPair>>(
        `/scheduling/drafts/${draft.id}/unscheduled?reason=no_common_slot&pageSize=1`,
      );
      expect(byReason).toMatchObject({ total: 1, pageSize: 1, items: [{ buyer: { fullName: 'Dana Lee' } }] });

      const people = await get<Page<ScheduleDraftPerson>>(
        `/scheduling/drafts/${draft.id}/people?side=exhibitor&q=g%E1%BB%91m`,
      );
      expect(people.items).toEqual([
        expect.objectContaining({ fullName: 'Trần Gốm', meetingCount: 2, unscheduledCount: 0 }),
      ]);
      const paged = await get<Page<ScheduleDraftMeeting>>(
        `/scheduling/drafts/${draft.id}/meetings?userId=${e1.id}&page=2&pageSize=1`,
      );
      expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.items).toHaveLength(1);
      // nothing is a meeting until it is published
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM meetings WHERE fair_id = $1`, [
        fair.fairId,
      ]);
      expect(n).toBe(0);
    } finally {
      socket.disconnect();
    }
  });

  it('respects the cap per day, the lunch break and the tables of hosted buyers', async () => {
    const fair = await seedFair(t, { days: ['2026-12-03'] });
    await t.dataSource.query(`INSERT INTO b2b_tables (fair_id, hall_id, code) VALUES ($1, $2, 'T1')`, [
      fair.fairId,
      fair.hallId,
    ]);
    const buyer = await buyerAt(t, fair);
    await t.dataSource.query(`UPDATE fair_participants SET hosted_buyer = true WHERE user_id = $1`, [
      buyer.id,
    ]);
    const exhibitors = [];
    for (let i = 0; i < 4; i++) exhibitors.push(await exhibitorAt(t, fair));
    for (const e of exhibitors) await mutual(fair, buyer, e, 'must', 'must');

    const bad = await t.inject({
      method: 'PUT',
      url: `/api/fairs/${fair.fairId}/scheduling/settings`,
      headers: organizer.auth,
      payload: {
        maxMeetingsPerDay: 2,
        lunchStart: '10:00',
        lunchEnd: null,
        tablePolicy: 'auto',
        tableHallId: null,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(json<ApiErrorBody>(bad).details?.fields).toEqual({ lunchEnd: 'REQUIRED' });
    const put = await t.inject({
      method: 'PUT',
      url: `/api/fairs/${fair.fairId}/scheduling/settings`,
      headers: organizer.auth,
      payload: {
        maxMeetingsPerDay: 3,
        lunchStart: '08:30',
        lunchEnd: '11:30',
        tablePolicy: 'auto',
        tableHallId: null,
      },
    });
    expect(put.statusCode).toBe(200);
    expect(json<ScheduleSettings>(put)).toMatchObject({
      maxMeetingsPerDay: 3,
      lunchStart: '08:30',
      lunchEnd: '11:30',
      halls: [{ id: fair.hallId, tables: 1 }],
    });

    const draft = await generate(fair);
    // 08:00 and 11:30 are the only slots outside the (long) lunch break: 2 of the 3 allowed
    const list = await entries(draft.id);
    expect(list.items.map((e) => e.start).sort()).toEqual([
      '2026-12-03T01:00:00.000Z',
      '2026-12-03T04:30:00.000Z',
    ]);
    expect(list.items.every((e) => e.place === 'table' && e.tableCode === 'T1')).toBe(true);
    const unscheduled = await get<Page<ScheduleUnscheduledPair>>(
      `/scheduling/drafts/${draft.id}/unscheduled`,
    );
    expect(unscheduled.total).toBe(2);

    const capSettings = await t.inject({
      method: 'PUT',
      url: `/api/fairs/${fair.fairId}/scheduling/settings`,
      headers: organizer.auth,
      payload: {
        maxMeetingsPerDay: 1,
        lunchStart: null,
        lunchEnd: null,
        tablePolicy: 'none',
        tableHallId: fair.hallId,
      },
    });
    expect(capSettings.statusCode).toBe(200);
    const capped = await generate(fair);
    expect(capped).toMatchObject({ meetingCount: 1, unscheduledCount: 3 });
    const reasons = await get<Page<ScheduleUnscheduledPair>>(`/scheduling/drafts/${capped.id}/unscheduled`);
    expect(reasons.items.every((u) => u.reason === 'cap_reached')).toBe(true);
    expect((await entries(capped.id)).items[0].place).toBe('booth');
    // the earlier draft was discarded by the new one
    expect((await get<ScheduleDraftSummary>(`/scheduling/drafts/${draft.id}`)).status).toBe('discarded');
  });

  it('gives a pair without a common language an interpreter of that language within a shift', async () => {
    const fair = await seedFair(t, { days: ['2026-12-03'] });
    const buyer = await buyerAt(t, fair, { name: 'Kyoto Crafts KK' });
    const exhibitor = await exhibitorAt(t, fair);
    await t.dataSource.query(`INSERT INTO buyer_profiles (company_id, languages) VALUES ($1, '{ja}')`, [
      buyer.companyId,
    ]);
    await t.dataSource.query(`INSERT INTO exhibitor_profiles (company_id, languages) VALUES ($1, '{vi}')`, [
      exhibitor.companyId,
    ]);
    const interpreter = await f.user({ role: 'interpreter', fullName: 'Hana Interpreter' });
    await t.dataSource.query(`INSERT INTO interpreter_profiles (user_id, languages) VALUES ($1, '{ja,vi}')`, [
      interpreter.id,
    ]);
    // works 10:00–11:00 local only
    await t.dataSource.query(
      `INSERT INTO interpreter_shifts (fair_id, user_id, shift) VALUES ($1, $2, tstzrange($3, $4, '[)'))`,
      [fair.fairId, interpreter.id, DAY1[4], DAY1[6]],
    );
    await mutual(fair, buyer, exhibitor, 'must', 'would');
    const draft = await generate(fair);
    const [entry] = (await entries(draft.id)).items;
    expect(entry).toMatchObject({
      interpreterLanguage: 'ja',
      interpreter: { userId: interpreter.id, fullName: 'Hana Interpreter' },
      weight: 4,
    });
    expect([DAY1[4], DAY1[5]]).toContain(entry.start);
    expect(json<PublishScheduleResult>(await publish(draft.id))).toMatchObject({
      published: 1,
      conflicts: 0,
    });
    const [meeting] = await t.dataSource.query(
      `SELECT interpreter_user_id, interpreter_language, status FROM meetings WHERE fair_id = $1`,
      [fair.fairId],
    );
    expect(meeting).toEqual({
      interpreter_user_id: interpreter.id,
      interpreter_language: 'ja',
      status: 'accepted',
    });
  });

  it('fill keeps existing meetings and the previous entries where they are', async () => {
    const fair = await seedFair(t, { days: ['2026-12-03'] });
    const b1 = await buyerAt(t, fair);
    const b2 = await buyerAt(t, fair);
    const e1 = await exhibitorAt(t, fair);
    const e2 = await exhibitorAt(t, fair);
    // an accepted meeting b1–e2 at 09:00, made by hand
    const [locked] = await t.dataSource.query(
      `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                             requester_company_id, status, time_range, expires_at)
       VALUES ($1, $2, $3, $4, $5, $2, 'accepted', tstzrange($6, $7, '[)'), $6) RETURNING id`,
      [fair.fairId, b1.companyId, e2.companyId, b1.id, e2.id, DAY1[2], DAY1[3]],
    );
    await mutual(fair, b1, e1, 'must', 'must');
    await mutual(fair, b1, e2, 'must', 'must'); // already met: not a pair
    const first = await generate(fair);
    expect(first).toMatchObject({ pairCount: 1, meetingCount: 1, lockedCount: 1 });
    const [kept] = (await entries(first.id)).items;
    expect(kept.start).not.toBe(DAY1[2]);

    await mutual(fair, b2, e1, 'would', 'would');
    await mutual(fair, b2, e2, 'must', 'would');
    const filled = await generate(fair, 'fill');
    expect(filled).toMatchObject({
      mode: 'fill',
      keptCount: 1,
      meetingCount: 3,
      pairCount: 2,
      lockedCount: 1,
    });
    const after = (await entries(filled.id)).items;
    expect(after.find((e) => e.kept)).toMatchObject({
      start: kept.start,
      buyer: { userId: b1.id },
      exhibitor: { userId: e1.id },
    });
    // b2 meets e1 outside the kept slot, e2 outside the locked one
    expect(after.find((e) => e.buyer.userId === b2.id && e.exhibitor.userId === e1.id)!.start).not.toBe(
      kept.start,
    );
    expect(after.find((e) => e.buyer.userId === b2.id && e.exhibitor.userId === e2.id)!.start).not.toBe(
      DAY1[2],
    );
    const [row] = await t.dataSource.query(
      `SELECT status, lower(time_range) AS start FROM meetings WHERE id = $1`,
      [locked.id],
    );
    expect(row).toEqual({ status: 'accepted', start: new Date(DAY1[2]) });
    expect((await get<ScheduleDraftSummary>(`/scheduling/drafts/${first.id}`)).status).toBe('discarded');
    const agenda = await get<ScheduleAgenda>(`/scheduling/drafts/${filled.id}/agenda/${e2.id}`);
    expect(agenda.items.map((i) => [i.source, i.start])).toEqual(
      [
        ['existing', DAY1[2]],
        ['draft', after.find((e) => e.exhibitor.userId === e2.id)!.start],
      ].sort((a, b) => a[1].localeCompare(b[1])),
    );
  });

  it('publishes through the exclusion constraints: a clash booked by hand comes back as a conflict', async () => {
    const fair = await seedFair(t, { days: ['2026-12-03'] });
    const buyer = await buyerAt(t, fair, { name: 'Mây tre Phú Vinh', fullName: 'Lan' });
    const other = await buyerAt(t, fair);
    const e1 = await exhibitorAt(t, fair);
    const e2 = await exhibitorAt(t, fair, { name: 'Sơn mài Hạ Thái', fullName: 'Tom' });
    // the buyer reads Vietnamese, the exhibitor English
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [e2.id]);
    await mutual(fair, buyer, e1, 'must', 'must');
    await mutual(fair, buyer, e2, 'must', 'would');
    const draft = await generate(fair);
    const planned = (await entries(draft.id)).items;
    expect(planned).toHaveLength(2);
    const clashing = planned.find((e) => e.exhibitor.userId === e1.id)!;

    // while the draft is open, e1 accepts a meeting by hand with another buyer in the very same slot
    const req = await t.inject({
      method: 'POST',
      url: `/api/fairs/${fair.fairId}/meetings`,
      headers: other.auth,
      payload: { withUserId: e1.id, slots: [clashing.start] },
    });
    expect(req.statusCode).toBe(201);
    const accepted = await t.inject({
      method: 'POST',
      url: `/api/meetings/${json<MeetingDetail>(req).id}/accept`,
      headers: e1.auth,
      payload: { slotStart: clashing.start },
    });
    expect(accepted.statusCode).toBe(200);

    const socket = await connect(buyer);
    const live: MeetingChangedEvent[] = [];
    socket.on('meeting:changed', (e: MeetingChangedEvent) => live.push(e));
    try {
      const res = await publish(draft.id);
      expect(res.statusCode).toBe(200);
      const result = json<PublishScheduleResult>(res);
      expect(result).toMatchObject({ published: 1, conflicts: 1 });
      expect(result.draft).toMatchObject({ status: 'published', publishedCount: 1, conflictCount: 1 });
      const after = (await entries(draft.id)).items;
      expect(after.find((e) => e.id === clashing.id)).toMatchObject({ status: 'conflict', meetingId: null });
      const ok = after.find((e) => e.id !== clashing.id)!;
      expect(ok.status).toBe('published');
      expect(await doubleBookings(fair.fairId)).toBe(0);

      // the buyer sees the new meeting appear live, and it is a real accepted meeting
      await until(() => live.some((e) => e.meetingId === ok.meetingId));
      const meeting = json<MeetingDetail>(
        await t.inject({ method: 'GET', url: `/api/meetings/${ok.meetingId}`, headers: buyer.auth }),
      );
      expect(meeting).toMatchObject({ status: 'accepted', start: ok.start, place: 'booth' });
      // nobody accepted it: both people are told the organizers scheduled it, each in their language
      const notes: { user_id: string; type: string; data: Record<string, string> }[] =
        await t.dataSource.query(
          `SELECT user_id, type, data FROM notifications WHERE data->>'meetingId' = $1`,
          [ok.meetingId],
        );
      expect(notes.map((n) => [n.user_id, n.type]).sort()).toEqual(
        [
          [buyer.id, 'meeting.scheduled'],
          [e2.id, 'meeting.scheduled'],
        ].sort(),
      );
      const i18n = t.app.get(I18nService);
      const start = new Date(ok.start);
      const viTime = formatInZone(start, 'Asia/Ho_Chi_Minh', 'vi');
      const enTime = formatInZone(start, 'Asia/Ho_Chi_Minh', 'en');
      expect(enTime).toMatch(/^\w{3}, 3 Dec 2026, \d\d:\d\d \(Asia\/Ho_Chi_Minh\)$/);
      const viBody = `Ban tổ chức Hội chợ Thủ công đã xếp lịch gặp của bạn với Sơn mài Hạ Thái vào ${viTime}. Cuộc gặp đã có trong lịch của bạn.`;
      const enBody = `The organizers of Craft Fair scheduled your meeting with Mây tre Phú Vinh at ${enTime}. It is already in your agenda.`;
      const text = (lng: 'vi' | 'en', userId: string) => {
        const n = notes.find((x) => x.user_id === userId)!;
        return [
          i18n.t(lng, `notifications:types.${n.type}.title`, n.data),
          i18n.t(lng, `notifications:types.${n.type}.body`, n.data),
        ];
      };
      expect(text('vi', buyer.id)).toEqual(['Ban tổ chức đã xếp lịch gặp', viBody]);
      expect(text('en', e2.id)).toEqual(['Meeting scheduled by the organizers', enBody]);
      // and an e-mail each in the outbox, in the recipient's language, written with the meetings
      const mails: { to_address: string; locale: string; subject: string; text_body: string }[] =
        await t.dataSource.query(
          `SELECT to_address, locale, subject, text_body FROM mail_outbox
            WHERE template = 'meetingEvent' AND to_address = ANY($1::text[])`,
          [[buyer.email, e2.email]],
        );
      expect(mails).toHaveLength(2);
      const toBuyer = mails.find((m) => m.to_address === buyer.email)!;
      expect(toBuyer).toMatchObject({ locale: 'vi', subject: 'Ban tổ chức đã xếp lịch gặp' });
      expect(toBuyer.text_body).toContain('Xin chào Lan,');
      expect(toBuyer.text_body).toContain(viBody);
      expect(toBuyer.text_body).toContain(`/meetings/${ok.meetingId}`);
      const toExhibitor = mails.find((m) => m.to_address === e2.email)!;
      expect(toExhibitor).toMatchObject({ locale: 'en', subject: 'Meeting scheduled by the organizers' });
      expect(toExhibitor.text_body).toContain('Hello Tom,');
      expect(toExhibitor.text_body).toContain(enBody);
      expect(toExhibitor.text_body).not.toContain('accepted');
      // their delivery is queued behind the request (no job queue in tests: delivered to the log)
      await t.app.get(SchedulingService).mailsQueued();
      const delivered: { status: string }[] = await t.dataSource.query(
        `SELECT status FROM mail_outbox WHERE to_address = ANY($1::text[])`,
        [[buyer.email, e2.email]],
      );
      expect(delivered.map((m) => m.status)).toEqual(['logged', 'logged']);

      // publishing twice does nothing the second time
      const again = json<PublishScheduleResult>(await publish(draft.id));
      expect(again).toMatchObject({ published: 0, conflicts: 0, draft: { status: 'published' } });
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM meetings WHERE fair_id = $1 AND status = 'accepted'`,
        [fair.fairId],
      );
      expect(n).toBe(2);
    } finally {
      socket.disconnect();
    }
  });

  it('refuses a second run while one runs, and a discarded draft cannot be published', async () => {
    const fair = await seedFair(t, { days: ['2026-12-03'] });
    const running = await t.dataSource.query(
      `INSERT INTO schedule_drafts (fair_id, mode, created_at, updated_at) VALUES ($1, 'regenerate', $2, $2) RETURNING id`,
      [fair.fairId, t.clock.now()],
    );
    const second = await t.inject({
      method: 'POST',
      url: `/api/fairs/${fair.fairId}/scheduling/drafts`,
      headers: organizer.auth,
      payload: { mode: 'fill' },
    });
    expect(second.statusCode).toBe(409);
    expect(json<ApiErrorBody>(second).code).toBe('SCHEDULE_RUNNING');
    const discarded = await t.inject({
      method: 'POST',
      url: `/api/scheduling/drafts/${running[0].id}/discard`,
      headers: organizer.auth,
    });
    expect(json<ScheduleDraftSummary>(discarded).status).toBe('discarded');
    const res = await publish(running[0].id);
    expect(res.statusCode).toBe(409);
    expect(json<ApiErrorBody>(res).code).toBe('SCHEDULE_DRAFT_STATE');
    const bad = await t.inject({
      method: 'POST',
      url: `/api/fairs/${fair.fairId}/scheduling/drafts`,
      headers: organizer.auth,
      payload: { mode: 'everything' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses everyone but the organizer’s team, and the staff may only read', async () => {
    const fair = await seedFair(t, { days: ['2026-12-03'] });
    const buyer = await buyerAt(t, fair);
    const exhibitor = await exhibitorAt(t, fair);
    const stranger = await f.member('buyer', 'approved');
    const interpreter = await f.user({ role: 'interpreter' });
    const staff = await f.user({ role: 'organizer_staff' });
    await mutual(fair, buyer, exhibitor, 'must', 'must');
    const draft = await generate(fair);
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/fairs/${fair.fairId}/scheduling/settings`],
      [
        'PUT',
        `/api/fairs/${fair.fairId}/scheduling/settings`,
        { maxMeetingsPerDay: 5, lunchStart: null, lunchEnd: null, tablePolicy: 'auto', tableHallId: null },
      ],
      ['POST', `/api/fairs/${fair.fairId}/scheduling/drafts`, { mode: 'regenerate' }],
      ['GET', `/api/fairs/${fair.fairId}/scheduling/drafts/current`],
      ['GET', `/api/scheduling/drafts/${draft.id}`],
      ['GET', `/api/scheduling/drafts/${draft.id}/meetings`],
      ['GET', `/api/scheduling/drafts/${draft.id}/people`],
      ['GET', `/api/scheduling/drafts/${draft.id}/agenda/${buyer.id}`],
      ['GET', `/api/scheduling/drafts/${draft.id}/unscheduled`],
      ['POST', `/api/scheduling/drafts/${draft.id}/publish`],
      ['POST', `/api/scheduling/drafts/${draft.id}/discard`],
    ];
    for (const user of [buyer, exhibitor, stranger, interpreter]) {
      for (const [method, url, payload] of routes) {
        const res = await t.inject({
          method: method as 'GET',
          url,
          headers: user.auth,
          payload: payload as object,
        });
        expect({ url, method, role: user.role, status: res.statusCode }).toEqual({
          url,
          method,
          role: user.role,
          status: 403,
        });
      }
    }
    const anonymous = await t.inject({ method: 'GET', url: `/api/scheduling/drafts/${draft.id}` });
    expect(anonymous.statusCode).toBe(401);
    // the organizer's staff reads, but only the organizer changes anything
    for (const [method, url, payload] of routes) {
      const res = await t.inject({
        method: method as 'GET',
        url,
        headers: staff.auth,
        payload: payload as object,
      });
      expect({ url, method, status: res.statusCode }).toEqual({
        url,
        method,
        status: method === 'GET' ? 200 : 403,
      });
    }
    expect((await get<ScheduleDraftSummary>(`/scheduling/drafts/${draft.id}`)).status).toBe('ready');
    const unknown = await t.inject({
      method: 'GET',
      url: `/api/fairs/00000000-0000-4000-8000-000000000000/scheduling/settings`,
      headers: organizer.auth,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
