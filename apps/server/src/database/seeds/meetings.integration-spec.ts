import type { FairMeetingStats, MeetingDetail, MyMeetingOutcome } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { seedCatalogue } from './catalogue';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedMeetings } from './meetings';

describe('seedMeetings', () => {
  let t: TestApp;
  const people: Record<string, TestUser> = {};
  let fairId: string;

  beforeAll(async () => {
    t = await createTestApp();
    // the demo accounts exist before the catalogue and the meetings load
    const f = new Factory(t);
    for (const a of DEMO_ACCOUNTS) {
      const companyId = a.company
        ? await f.company({ kind: a.company.kind, name: a.company.name, status: 'approved' })
        : undefined;
      people[a.email] = await f.user({ role: a.role, companyId, email: a.email, fullName: a.fullName });
    }
    await seedCatalogue(t.dataSource, { exhibitors: 12, products: 24, images: false, now: t.clock.now() });
    [{ id: fairId }] = await t.dataSource.query(`SELECT id FROM fairs WHERE status = 'live'`);
  });
  afterAll(() => t.close());

  const get = (url: string, who: TestUser) => t.inject({ method: 'GET', url, headers: who.auth });
  const anna = () => people['anna@nordhaus.example'];
  const kenji = () => people['kenji@sakura-living.example'];

  it('loads buyers from six countries, interpreters, tables and a mix of meetings on the fair slots, once', async () => {
    const result = await seedMeetings(t.dataSource, { now: t.clock.now() });
    expect(result).toEqual({ seeded: true, meetings: 22, buyers: 6, interpreters: 3 });

    const countries: { country_code: string }[] = await t.dataSource.query(
      `SELECT DISTINCT c.country_code FROM fair_participants p JOIN companies c ON c.id = p.company_id
        WHERE p.fair_id = $1 AND c.status = 'approved' ORDER BY 1`,
      [fairId],
    );
    expect(countries.map((c) => c.country_code)).toEqual(['AU', 'DE', 'FR', 'JP', 'KR', 'US']);
    const interpreters = await t.dataSource.query(
      `SELECT p.languages, count(s.*)::int AS shifts FROM users u
         JOIN interpreter_profiles p ON p.user_id = u.id
         LEFT JOIN interpreter_shifts s ON s.user_id = u.id AND s.fair_id = $1
        WHERE u.role = 'interpreter' GROUP BY p.languages ORDER BY 1`,
      [fairId],
    );
    expect(interpreters.map((i: { languages: string[] }) => i.languages[0]).sort()).toEqual([
      'en',
      'ja',
      'ko',
    ]);
    for (const i of interpreters) expect(i.shifts).toBeGreaterThan(0);

    // every scheduled meeting and every proposal sits on one of the fair's own slots
    const slots = json<{ start: string }[]>(await get(`/api/fairs/${fairId}/meeting-slots`, anna()));
    const starts = new Set(slots.map((s) => s.start));
    const used: { start: Date }[] = await t.dataSource.query(
      `SELECT lower(time_range) AS start FROM meetings WHERE fair_id = $1 AND time_range IS NOT NULL
       UNION ALL SELECT p.slot_start FROM meeting_proposals p JOIN meetings m ON m.id = p.meeting_id WHERE m.fair_id = $1`,
      [fairId],
    );
    for (const u of used) expect(starts.has(new Date(u.start).toISOString())).toBe(true);
    const [{ pending }] = await t.dataSource.query(
      `SELECT count(*)::int AS pending FROM meetings WHERE status = 'requested' AND expires_at > $1`,
      [t.clock.now()],
    );
    expect(pending).toBe(5);
    // nothing the expiry or no-show jobs would change right away
    const [{ stale }] = await t.dataSource.query(
      `SELECT count(*)::int AS stale FROM meetings
        WHERE (status = 'requested' AND expires_at <= $1::timestamptz + interval '1 day')
           OR (status = 'accepted' AND upper(time_range) <= $1)`,
      [t.clock.now()],
    );
    expect(stale).toBe(0);

    expect(await seedMeetings(t.dataSource, { now: t.clock.now() })).toMatchObject({ seeded: false });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM meetings`);
    expect(n).toBe(22);
  });

  it('the demo buyers see their meetings, and the organizer sees the overview', async () => {
    const mine = json<MeetingDetail[]>(await get(`/api/fairs/${fairId}/meetings/mine`, anna()));
    expect(mine.map((m) => m.status).sort()).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'cancelled',
      'held',
      'requested',
    ]);
    expect(mine.map((m) => m.place).sort()).toEqual(['booth', 'booth', 'booth', 'booth', 'online', 'table']);
    const kenjis = json<MeetingDetail[]>(await get(`/api/fairs/${fairId}/meetings/mine`, kenji()));
    expect(kenjis).toHaveLength(4);
    expect(kenjis.filter((m) => m.interpreterUserId)).toHaveLength(2);

    const held = mine.find((m) => m.status === 'held')!;
    const outcome = json<MyMeetingOutcome>(await get(`/api/meetings/${held.id}/outcome`, anna()));
    expect(outcome.outcome).toMatchObject({ interest: 'high', nextStep: 'samples' });
    expect(outcome.outcome?.notes).toContain('Blue crackle');

    const stats = json<FairMeetingStats>(
      await get(`/api/fairs/${fairId}/meeting-stats`, people['organizer@craftmatch.example']),
    );
    expect(stats).toMatchObject({
      total: 22,
      byStatus: { requested: 5, accepted: 9, held: 4, no_show: 1, declined: 1, cancelled: 1, expired: 1 },
      noShowRate: '0.2000',
      waitingForInterpreter: 1,
      answered: 16,
      answeredWithin24h: 14,
      answeredWithin24hShare: '0.8750',
    });
  });

  it('a seeded request can be accepted through the API', async () => {
    const lan = people['phuvinh@craftmatch.example'];
    const incoming = json<MeetingDetail[]>(await get(`/api/fairs/${fairId}/meetings/mine`, lan)).find(
      (m) => m.status === 'requested' && m.requestedBy === 'buyer',
    )!;
    const res = await t.inject({
      method: 'POST',
      url: `/api/meetings/${incoming.id}/accept`,
      headers: lan.auth,
      payload: { slotStart: incoming.proposals[0].start },
    });
    expect([res.statusCode, json(res).status]).toEqual([200, 'accepted']);
  });
});
