import type { Socket } from 'socket.io-client';
import type { AppNotification, MeetingChangedEvent } from '@craftmatch/shared';
import { connectSocket } from '../../../test/sockets';
import { createTestApp, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { buyerAt, exhibitorAt, seedFair, type SeededFair } from '../../../test/fair-fixtures';
import { MeetingEventsService } from './meeting-events.service';

describe('meeting events for many meetings at once (integration)', () => {
  let t: TestApp;
  let fair: SeededFair;
  let buyer: TestUser;
  let e1: TestUser;
  let e2: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    fair = await seedFair(t, { days: ['2026-12-03'] });
    buyer = await buyerAt(t, fair, { name: 'Mây tre Phú Vinh', fullName: 'Lan' });
    e1 = await exhibitorAt(t, fair, { name: 'Gốm Bát Tràng', fullName: 'Tom' });
    e2 = await exhibitorAt(t, fair, { name: 'Sơn mài Hạ Thái', fullName: 'Kim' });
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [e1.id]);
  });
  afterAll(() => t.close());

  /** An accepted meeting of the buyer with `exhibitor` at 09:00 + 30·slot minutes, fair time. */
  const meeting = async (exhibitor: TestUser, slot: number): Promise<string> => {
    const start = new Date(Date.parse('2026-12-03T02:00:00Z') + slot * 30 * 60_000);
    const [row] = await t.dataSource.query(
      `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                             requester_company_id, status, time_range, place_kind, expires_at)
       VALUES ($1, $2, $3, $4, $5, $2, 'accepted', tstzrange($6, $7, '[)'), 'booth', $6) RETURNING id`,
      [
        fair.fairId,
        buyer.companyId,
        exhibitor.companyId,
        buyer.id,
        exhibitor.id,
        start,
        new Date(start.getTime() + 30 * 60_000),
      ],
    );
    return row.id;
  };
  const connect = (user: TestUser): Promise<Socket> => connectSocket(t, user);
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (condition() ? resolve() : setTimeout(check, 20));
      check();
    });

  it('writes every notification and e-mail of a batch with the meetings, each in its reader’s language', async () => {
    const m1 = await meeting(e1, 0);
    const m2 = await meeting(e2, 1);
    const events = t.app.get(MeetingEventsService);
    const socket = await connect(buyer);
    const live: { notes: AppNotification[]; changed: MeetingChangedEvent[] } = { notes: [], changed: [] };
    socket.on('notification:new', (n: AppNotification) => live.notes.push(n));
    socket.on('meeting:changed', (e: MeetingChangedEvent) => live.changed.push(e));
    // the organizer's meeting desk follows every change too
    const desk = await connect(await new Factory(t).organizer());
    const deskChanged: MeetingChangedEvent[] = [];
    desk.on('meeting:changed', (e: MeetingChangedEvent) => deskChanged.push(e));
    try {
      const pending = await t.dataSource.transaction((manager) =>
        events.recordMany(manager, [
          { meetingId: m1, type: 'meeting.scheduled', notify: [buyer.id, e1.id] },
          { meetingId: m2, type: 'meeting.scheduled', notify: [buyer.id, e2.id] },
        ]),
      );
      expect(pending.map((p) => [p.meetingId, p.audience.sort(), p.notifications.length])).toEqual([
        [m1, [buyer.id, e1.id].sort(), 2],
        [m2, [buyer.id, e2.id].sort(), 2],
      ]);

      const notes: { user_id: string; type: string; data: Record<string, string> }[] =
        await t.dataSource.query(
          `SELECT user_id, type, data FROM notifications WHERE data->>'meetingId' = ANY($1::text[])`,
          [[m1, m2]],
        );
      expect(notes).toHaveLength(4);
      const note = (userId: string, meetingId: string) =>
        notes.find((n) => n.user_id === userId && n.data.meetingId === meetingId)!;
      expect(note(e1.id, m1)).toMatchObject({
        type: 'meeting.scheduled',
        data: {
          fairId: fair.fairId,
          fairName: 'Craft Fair',
          companyName: 'Mây tre Phú Vinh',
          time: 'Thu, 3 Dec 2026, 09:00 (Asia/Ho_Chi_Minh)',
        },
      });
      expect(note(buyer.id, m2)).toMatchObject({
        type: 'meeting.scheduled',
        data: {
          fairName: 'Hội chợ Thủ công',
          companyName: 'Sơn mài Hạ Thái',
          time: '09:30 Thứ 5, 3 thg 12, 2026 (Asia/Ho_Chi_Minh)',
        },
      });

      // the e-mails are in the outbox already, with the meetings
      const mails: { to_address: string; locale: string; subject: string; status: string }[] =
        await t.dataSource.query(
          `SELECT to_address, locale, subject, status FROM mail_outbox
            WHERE to_address = ANY($1::text[]) ORDER BY to_address, subject`,
          [[buyer.email, e1.email, e2.email]],
        );
      expect(mails.map((m) => [m.to_address, m.locale, m.subject, m.status]).sort()).toEqual(
        [
          [buyer.email, 'vi', 'Ban tổ chức đã xếp lịch gặp', 'queued'],
          [buyer.email, 'vi', 'Ban tổ chức đã xếp lịch gặp', 'queued'],
          [e1.email, 'en', 'Meeting scheduled by the organizers', 'queued'],
          [e2.email, 'vi', 'Ban tổ chức đã xếp lịch gặp', 'queued'],
        ].sort(),
      );

      // after commit: live pushes, and the e-mails' delivery (inline without a job queue)
      await events.flush(pending);
      await until(() => live.notes.length === 2 && live.changed.length === 2 && deskChanged.length === 2);
      expect(deskChanged.map((c) => c.meetingId).sort()).toEqual([m1, m2].sort());
      expect(live.notes.map((n) => [n.type, n.data.meetingId]).sort()).toEqual(
        [
          ['meeting.scheduled', m1],
          ['meeting.scheduled', m2],
        ].sort(),
      );
      expect(live.changed.map((c) => c.meetingId).sort()).toEqual([m1, m2].sort());
      const [{ logged }] = await t.dataSource.query(
        `SELECT count(*)::int AS logged FROM mail_outbox WHERE to_address = ANY($1::text[]) AND status = 'logged'`,
        [[buyer.email, e1.email, e2.email]],
      );
      expect(logged).toBe(4);
      // each person and the desk got each change once (one broadcast to their rooms), nothing more
      expect(live.changed).toHaveLength(2);
      expect(deskChanged).toHaveLength(2);
    } finally {
      socket.disconnect();
      desk.disconnect();
    }
  });

  it('leaves no notification or e-mail behind when the transaction rolls back', async () => {
    const e3 = await exhibitorAt(t, fair);
    const m3 = await meeting(e3, 2);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.app
          .get(MeetingEventsService)
          .recordMany(manager, [{ meetingId: m3, type: 'meeting.scheduled', notify: [buyer.id, e3.id] }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [{ notes }] = await t.dataSource.query(
      `SELECT count(*)::int AS notes FROM notifications WHERE data->>'meetingId' = $1`,
      [m3],
    );
    const [{ mails }] = await t.dataSource.query(
      `SELECT count(*)::int AS mails FROM mail_outbox WHERE to_address = $1`,
      [e3.email],
    );
    expect({ notes, mails }).toEqual({ notes: 0, mails: 0 });
  });
});
