import type { Fair, FairPage } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

const body = (over: Record<string, unknown> = {}) => ({
  nameVi: 'Hội chợ Quà tặng Hà Nội 2026',
  nameEn: 'Hanoi Gift Show 2026',
  venue: 'I.C.E. Hà Nội',
  address: '91 Trần Hưng Đạo, Hà Nội',
  slotMinutes: 30,
  bufferMinutes: 5,
  contractTargetUsd: '5000000.00',
  days: [
    { date: '2026-12-01', opensAt: '08:30', closesAt: '17:30' },
    { date: '2026-12-02', opensAt: '08:30', closesAt: '16:00' },
  ],
  halls: [
    { code: 'A', name: 'Hall A – Gốm sứ', gridRows: 4, gridCols: 6 },
    { code: 'B', name: 'Hall B – Mây tre', gridRows: 3, gridCols: 5 },
  ],
  ...over,
});

describe('fairs', () => {
  let t: TestApp;
  let f: Factory;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    organizer = await f.organizer();
  });
  afterAll(() => t.close());

  const create = async (over: Record<string, unknown> = {}) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/organizer/fairs',
      headers: organizer.auth,
      payload: body(over),
    });
    expect(res.statusCode).toBe(201);
    return json<Fair>(res);
  };
  const move = (id: string, status: string, user: TestUser = organizer) =>
    t.inject({
      method: 'POST',
      url: `/api/organizer/fairs/${id}/status`,
      headers: user.auth,
      payload: { status },
    });

  it('lets the organizer create a fair with days in its own zone, halls and a decimal target', async () => {
    const fair = await create();
    expect(fair).toMatchObject({
      slug: 'hanoi-gift-show-2026',
      status: 'draft',
      timeZone: 'Asia/Ho_Chi_Minh',
      contractTargetUsd: '5000000.00',
      startDate: '2026-12-01',
      endDate: '2026-12-02',
      hallCount: 2,
    });
    // 08:30 in Hanoi (UTC+7) is 01:30 UTC.
    expect(fair.days[0]).toEqual({
      date: '2026-12-01',
      opensAt: '08:30',
      closesAt: '17:30',
      startsAt: '2026-12-01T01:30:00Z',
      endsAt: '2026-12-01T10:30:00Z',
    });
    expect(fair.halls.map((h) => h.code)).toEqual(['A', 'B']);
    // The same name again gets a free slug.
    expect((await create()).slug).toBe('hanoi-gift-show-2026-2');
  });

  it('keeps times local to another zone', async () => {
    const fair = await create({
      nameEn: 'Ambiente Vietnam Pavilion',
      timeZone: 'Europe/Berlin',
      days: [{ date: '2026-07-01', opensAt: '09:30', closesAt: '18:00' }],
    });
    // Berlin is UTC+2 in summer.
    expect(fair.days[0].startsAt).toBe('2026-07-01T07:30:00Z');
    expect(fair.timeZone).toBe('Europe/Berlin');
  });

  it('refuses a bad zone, inverted hours, duplicate halls and a float target', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/organizer/fairs',
      headers: organizer.auth,
      payload: body({ timeZone: 'Mars/Olympus' }),
    });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ details: { fields: { timeZone: 'INVALID_TIME_ZONE' } } });

    const bad = await t.inject({
      method: 'POST',
      url: '/api/organizer/fairs',
      headers: organizer.auth,
      payload: body({
        days: [{ date: '2026-12-01', opensAt: '18:00', closesAt: '09:00' }],
        halls: [
          { code: 'A', name: 'A', gridRows: 2, gridCols: 2 },
          { code: 'a', name: 'A again', gridRows: 2, gridCols: 2 },
        ],
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({
      details: { fields: { 'days.0.closesAt': 'INVALID_VALUE', 'halls.1.code': 'INVALID_VALUE' } },
    });

    const float = await t.inject({
      method: 'POST',
      url: '/api/organizer/fairs',
      headers: organizer.auth,
      payload: body({ contractTargetUsd: 5000000.5 }),
    });
    expect(float.statusCode).toBe(400);
    expect(json(float)).toMatchObject({ details: { fields: { contractTargetUsd: 'INVALID_TYPE' } } });
  });

  it('edits names, days and halls; a hall with booths cannot be removed', async () => {
    const fair = await create();
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/organizer/fairs/${fair.id}`,
      headers: organizer.auth,
      payload: {
        venue: 'Cung Văn hoá Hữu nghị',
        days: [{ date: '2026-12-03', opensAt: '09:00', closesAt: '17:00' }],
        halls: [
          { code: 'A', name: 'Hall A', gridRows: 8, gridCols: 8 },
          { code: 'C', name: 'Hall C', gridRows: 2, gridCols: 2 },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const updated = json<Fair>(res);
    expect(updated.venue).toBe('Cung Văn hoá Hữu nghị');
    expect(updated.days.map((d) => d.date)).toEqual(['2026-12-03']);
    expect(updated.halls.map((h) => [h.code, h.gridRows])).toEqual([
      ['A', 8],
      ['C', 2],
    ]);
    // Hall A kept its id (matched by code).
    expect(updated.halls[0].id).toBe(fair.halls[0].id);

    const exhibitor = await f.member('exhibitor', 'approved');
    await t.dataSource.query(
      `INSERT INTO booths (fair_id, company_id, preferred_hall_id) VALUES ($1, $2, $3)`,
      [fair.id, exhibitor.companyId, updated.halls[1].id],
    );
    const removing = await t.inject({
      method: 'PATCH',
      url: `/api/organizer/fairs/${fair.id}`,
      headers: organizer.auth,
      payload: { halls: [{ code: 'A', name: 'Hall A', gridRows: 8, gridCols: 8 }] },
    });
    expect(removing.statusCode).toBe(409);
    expect(json(removing).code).toBe('HALL_IN_USE');
  });

  it('refuses fair editing to exhibitors, buyers and organizer staff', async () => {
    const exhibitor = await f.member('exhibitor', 'approved');
    const buyer = await f.member('buyer', 'approved');
    const staff = await f.user({ role: 'organizer_staff' });
    for (const user of [exhibitor, buyer, staff]) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/organizer/fairs',
        headers: user.auth,
        payload: body(),
      });
      expect(res.statusCode).toBe(403);
    }
    const fair = await create();
    expect((await move(fair.id, 'registration', exhibitor)).statusCode).toBe(403);
    // Staff read, but change nothing.
    expect(
      (await t.inject({ method: 'GET', url: `/api/organizer/fairs/${fair.id}`, headers: staff.auth }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.inject({ method: 'GET', url: `/api/organizer/fairs`, headers: exhibitor.auth })).statusCode,
    ).toBe(403);
    expect(
      (await t.inject({ method: 'POST', url: '/api/organizer/fairs', payload: body() })).statusCode,
    ).toBe(401);
  });

  it('moves draft → registration → live → closed only, and audits each move', async () => {
    const fair = await create();
    const skip = await move(fair.id, 'live');
    expect(skip.statusCode).toBe(409);
    expect(json(skip)).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'draft', to: 'live' } });
    expect(json<Fair>(await move(fair.id, 'registration')).status).toBe('registration');
    expect((await move(fair.id, 'draft')).statusCode).toBe(409);
    expect(json<Fair>(await move(fair.id, 'live')).status).toBe('live');
    expect(json<Fair>(await move(fair.id, 'closed')).status).toBe('closed');
    const again = await move(fair.id, 'closed');
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('INVALID_TRANSITION');
    const audit = await t.dataSource.query(
      `SELECT action, after->>'status' AS status FROM audit_log WHERE entity_id = $1 AND action = 'fair.status' ORDER BY id`,
      [fair.id],
    );
    expect(audit.map((a: { status: string }) => a.status)).toEqual(['registration', 'live', 'closed']);
  });

  it('lists upcoming and past fairs publicly, never drafts', async () => {
    // The test clock reads 2026-11-27.
    const upcoming = await create({
      nameEn: 'Upcoming Lifestyle Fair',
      days: [{ date: '2026-12-10', opensAt: '09:00', closesAt: '17:00' }],
    });
    await move(upcoming.id, 'registration');
    const past = await create({
      nameEn: 'Spring Fair',
      days: [{ date: '2026-04-10', opensAt: '09:00', closesAt: '17:00' }],
    });
    await move(past.id, 'registration');
    await move(past.id, 'live');
    await move(past.id, 'closed');
    const draft = await create({ nameEn: 'Secret Draft Fair' });

    const up = json<FairPage>(await t.inject({ method: 'GET', url: '/api/fairs?when=upcoming' }));
    expect(up.items.map((x) => x.id)).toContain(upcoming.id);
    expect(up.items.map((x) => x.id)).not.toContain(past.id);
    expect(up.items.map((x) => x.id)).not.toContain(draft.id);
    const down = json<FairPage>(await t.inject({ method: 'GET', url: '/api/fairs?when=past&pageSize=5' }));
    expect(down.items.map((x) => x.id)).toContain(past.id);
    expect(down.items.map((x) => x.id)).not.toContain(upcoming.id);
    expect(down.items.every((x) => x.status === 'closed' || (x.endDate ?? '') < '2026-11-27')).toBe(true);

    const page = await t.inject({ method: 'GET', url: `/api/fairs/${upcoming.slug}` });
    expect(page.statusCode).toBe(200);
    expect(json<Fair>(page).days[0]).toMatchObject({
      date: '2026-12-10',
      opensAt: '09:00',
      startsAt: '2026-12-10T02:00:00Z',
    });
    expect((await t.inject({ method: 'GET', url: `/api/fairs/${draft.slug}` })).statusCode).toBe(404);
  });
});
