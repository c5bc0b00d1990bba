/**
 * Publishing a schedule bigger than one chunk (PUBLISH_CHUNK = 200): a ready draft of BUYERS x EXHIBITORS
 * entries (every pair meets once, nobody double-booked; the first exhibitor's meetings with an
 * interpreter) is written straight into the database, then published; every person of every meeting gets
 * one notification and one e-mail.
 *
 * Also the publishing benchmark: with BENCH_BUYERS / BENCH_EXHIBITORS set (e.g. 100 and 20: 2,000
 * meetings) it prints meetings/s until publish returns and until every e-mail's delivery is queued;
 * BENCH_JOBS=true runs the pg-boss queue as in production (otherwise each e-mail is delivered inline).
 *
 *   cd apps/server && BENCH_BUYERS=100 BENCH_EXHIBITORS=20 TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     npx jest scheduling.publish.integration
 */
import type { PublishScheduleResult } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { buyerAt, exhibitorAt, seedFair } from '../../../test/fair-fixtures';
import { SchedulingService } from './scheduling.service';

const BENCH = !!process.env.BENCH_BUYERS;
const BUYERS = Number(process.env.BENCH_BUYERS ?? 25);
const EXHIBITORS = Number(process.env.BENCH_EXHIBITORS ?? 10);

if (BENCH) jest.setTimeout(30 * 60_000);

describe('publishing a schedule of several chunks (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: process.env.BENCH_JOBS === 'true' ? { JOBS: 'true' } : {} });
  });
  afterAll(() => t.close());

  it(`publishes ${BUYERS * EXHIBITORS} meetings and tells everyone once`, async () => {
    const organizer = await new Factory(t).organizer();
    const fair = await seedFair(t, { days: ['2026-12-03'] });
    const buyers: TestUser[] = [];
    const exhibitors: TestUser[] = [];
    for (let i = 0; i < BUYERS; i++) buyers.push(await buyerAt(t, fair));
    for (let i = 0; i < EXHIBITORS; i++) exhibitors.push(await exhibitorAt(t, fair));
    const interpreter = await new Factory(t).user({ role: 'interpreter' });
    // half the people read English
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = ANY($1::uuid[])`, [
      [...buyers, ...exhibitors].filter((_, i) => i % 2).map((u) => u.id),
    ]);
    const [draft] = await t.dataSource.query(
      `INSERT INTO schedule_drafts (fair_id, mode, status, progress, created_by, finished_at)
       VALUES ($1, 'regenerate', 'ready', 1, $2, now()) RETURNING id`,
      [fair.fairId, organizer.id],
    );
    // buyer b meets exhibitor e in slot (b + e) mod BUYERS: distinct slots for each person; the
    // interpreter takes the pairs of exhibitor 0 (one meeting per slot)
    await t.dataSource.query(
      `INSERT INTO schedule_draft_meetings (draft_id, fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id,
                                            exhibitor_user_id, slot_start, slot_end, interpreter_user_id,
                                            interpreter_language, weight)
       SELECT $1, $2, b.cid, e.cid, b.uid, e.uid,
              '2026-12-03T01:00:00Z'::timestamptz + ((b.n + e.n) % $6) * interval '30 minutes',
              '2026-12-03T01:30:00Z'::timestamptz + ((b.n + e.n) % $6) * interval '30 minutes',
              CASE WHEN e.n = 1 THEN $7::uuid END, CASE WHEN e.n = 1 THEN 'ja' END, 3
         FROM unnest($3::uuid[], $4::uuid[]) WITH ORDINALITY AS b(uid, cid, n)
        CROSS JOIN unnest($5::uuid[], $8::uuid[]) WITH ORDINALITY AS e(uid, cid, n)`,
      [
        draft.id,
        fair.fairId,
        buyers.map((u) => u.id),
        buyers.map((u) => u.companyId),
        exhibitors.map((u) => u.id),
        BUYERS,
        interpreter.id,
        exhibitors.map((u) => u.companyId),
      ],
    );
    const total = BUYERS * EXHIBITORS;

    const started = process.hrtime.bigint();
    const res = await t.inject({
      method: 'POST',
      url: `/api/scheduling/drafts/${draft.id}/publish`,
      headers: organizer.auth,
    });
    const returned = Number(process.hrtime.bigint() - started) / 1e9;
    expect(res.statusCode).toBe(200);
    expect(json<PublishScheduleResult>(res)).toMatchObject({ published: total, conflicts: 0 });
    await t.app.get(SchedulingService).mailsQueued();
    const queued = Number(process.hrtime.bigint() - started) / 1e9;

    const [{ notes }] = await t.dataSource.query(
      `SELECT count(*)::int AS notes FROM notifications WHERE type = 'meeting.scheduled'`,
    );
    const [{ mails }] = await t.dataSource.query(`SELECT count(*)::int AS mails FROM mail_outbox`);
    const people = 2 * total + BUYERS; // both people, and the interpreter of the first exhibitor's meetings
    expect(notes).toBe(people);
    expect(mails).toBe(people);
    // one each, for a person of that meeting, across the chunks
    const [{ told }] = await t.dataSource.query(
      `SELECT count(DISTINCT (n.user_id, m.id))::int AS told
         FROM notifications n
         JOIN meetings m ON m.id::text = n.data->>'meetingId'
                        AND n.user_id IN (m.buyer_user_id, m.exhibitor_user_id, m.interpreter_user_id)
        WHERE n.type = 'meeting.scheduled' AND m.fair_id = $1`,
      [fair.fairId],
    );
    expect(told).toBe(people);
    if (BENCH)
      console.log(
        `[bench:publish] ${total} meetings, ${notes} notifications, ${mails} e-mails: ` +
          `publish returned after ${returned.toFixed(1)} s (${(total / returned).toFixed(0)} meetings/s), ` +
          `e-mails in the outbox and their delivery queued after ${queued.toFixed(1)} s (${(total / queued).toFixed(0)} meetings/s)`,
      );
  });
});
