import { io, type Socket } from 'socket.io-client';
import type {
  AppNotification,
  Booth,
  BoothPage,
  BoothPoster,
  BoothStatusEvent,
  Fair,
  FloorPlan,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

function connect(baseUrl: string, token: string): Socket {
  return io(baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
}
function once<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, (payload: T) => resolve(payload)));
}

let seq = 0;

describe('booths', () => {
  let t: TestApp;
  let f: Factory;
  let organizer: TestUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    organizer = await f.organizer();
    await t.listen();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(() => t.close());

  async function fair(status: 'draft' | 'registration' | 'live' = 'registration'): Promise<Fair> {
    const res = await t.inject({
      method: 'POST',
      url: '/api/organizer/fairs',
      headers: organizer.auth,
      payload: {
        nameVi: 'Hội chợ Quà tặng Hà Nội',
        nameEn: 'Hanoi Gift Show',
        venue: 'I.C.E. Hà Nội',
        days: [{ date: '2026-12-01', opensAt: '08:30', closesAt: '17:30' }],
        halls: [
          { code: 'A', name: 'Hall A', gridRows: 3, gridCols: 4 },
          { code: 'B', name: 'Hall B', gridRows: 2, gridCols: 2 },
        ],
      },
    });
    const created = json<Fair>(res);
    const steps =
      status === 'draft' ? [] : status === 'registration' ? ['registration'] : ['registration', 'live'];
    for (const s of steps) {
      await t.inject({
        method: 'POST',
        url: `/api/organizer/fairs/${created.id}/status`,
        headers: organizer.auth,
        payload: { status: s },
      });
    }
    return { ...created, status };
  }

  async function product(companyId: string, status: 'draft' | 'published' = 'published'): Promise<string> {
    seq++;
    const [row] = await t.dataSource.query(
      `INSERT INTO products (company_id, slug, status, name_vi, name_en, category_code, published_at)
       VALUES ($1, $2, $3::varchar, $4, $5, 'CER', CASE WHEN $3::varchar = 'published' THEN now() END) RETURNING id`,
      [
        companyId,
        `binh-gom-${seq}-${Date.now().toString(36)}`,
        status,
        `Bình gốm men lam ${seq}`,
        `Blue glaze vase ${seq}`,
      ],
    );
    return row.id as string;
  }

  const apply = (user: TestUser, fairId: string, payload: Record<string, unknown>) =>
    t.inject({ method: 'POST', url: `/api/fairs/${fairId}/booths`, headers: user.auth, payload });

  it('lets an approved exhibitor apply with its own published products, once per fair', async () => {
    const fx = await fair();
    const ex = await f.member('exhibitor', 'approved');
    const p1 = await product(ex.companyId as string);
    const p2 = await product(ex.companyId as string);
    const res = await apply(ex, fx.id, {
      preferredHallId: fx.halls[0].id,
      size: '3x3',
      productIds: [p1, p2],
      note: 'Cần ổ điện',
    });
    expect(res.statusCode).toBe(201);
    const booth = json<Booth>(res);
    expect(booth).toMatchObject({
      status: 'pending',
      size: '3x3',
      preferredHallCode: 'A',
      companyId: ex.companyId,
      note: 'Cần ổ điện',
    });
    expect(booth.products.map((p) => p.id).sort()).toEqual([p1, p2].sort());

    const twice = await apply(ex, fx.id, { size: '3x3', productIds: [] });
    expect(twice.statusCode).toBe(409);
    expect(json(twice).code).toBe('BOOTH_ALREADY_APPLIED');

    const mine = json<Booth[]>(await t.inject({ method: 'GET', url: '/api/booths/mine', headers: ex.auth }));
    expect(mine.map((b) => b.id)).toEqual([booth.id]);
  });

  it('refuses a pending company (403 COMPANY_NOT_APPROVED) and a fair not in registration', async () => {
    const fx = await fair();
    const pending = await f.member('exhibitor', 'pending');
    const res = await apply(pending, fx.id, { size: '3x3', productIds: [] });
    expect(res.statusCode).toBe(403);
    expect(json(res).code).toBe('COMPANY_NOT_APPROVED');

    const ex = await f.member('exhibitor', 'approved');
    for (const status of ['draft', 'live'] as const) {
      const closed = await fair(status);
      const r = await apply(ex, closed.id, { size: '3x3', productIds: [] });
      expect(r.statusCode).toBe(409);
      expect(json(r).code).toBe('FAIR_NOT_OPEN');
    }
    const buyer = await f.member('buyer', 'approved');
    expect((await apply(buyer, fx.id, { size: '3x3', productIds: [] })).statusCode).toBe(403);
  });

  it("accepts only the company's own published products and its fair's halls", async () => {
    const fx = await fair();
    const other = await fair();
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    const draft = await product(a.companyId as string, 'draft');
    const foreign = await product(b.companyId as string);
    for (const productIds of [[draft], [foreign]]) {
      const res = await apply(a, fx.id, { size: '3x3', productIds });
      expect(res.statusCode).toBe(400);
      expect(json(res)).toMatchObject({ details: { fields: { productIds: 'PRODUCT_NOT_ELIGIBLE' } } });
    }
    const wrongHall = await apply(a, fx.id, {
      size: '3x3',
      productIds: [],
      preferredHallId: other.halls[0].id,
    });
    expect(wrongHall.statusCode).toBe(400);
    expect(json(wrongHall)).toMatchObject({ details: { fields: { preferredHallId: 'INVALID_VALUE' } } });
  });

  it('lets the exhibitor edit and withdraw while pending, and refuses exhibitor B on A’s booth', async () => {
    const fx = await fair();
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    const p = await product(a.companyId as string);
    const booth = json<Booth>(await apply(a, fx.id, { size: '3x3', productIds: [] }));

    const edit = await t.inject({
      method: 'PATCH',
      url: `/api/booths/${booth.id}`,
      headers: a.auth,
      payload: { size: '6x6', productIds: [p] },
    });
    expect(edit.statusCode).toBe(200);
    expect(json<Booth>(edit)).toMatchObject({ size: '6x6', products: [{ id: p }] });

    for (const req of [
      { method: 'GET' as const, url: `/api/booths/${booth.id}` },
      { method: 'PATCH' as const, url: `/api/booths/${booth.id}`, payload: { size: '2x2' } },
      { method: 'POST' as const, url: `/api/booths/${booth.id}/withdraw` },
    ]) {
      const res = await t.inject({ ...req, headers: b.auth });
      expect(res.statusCode).toBe(403);
    }
    // B cannot approve either.
    expect(
      (
        await t.inject({
          method: 'POST',
          url: `/api/booths/${booth.id}/approve`,
          headers: b.auth,
          payload: { hallId: fx.halls[0].id, code: 'A-1' },
        })
      ).statusCode,
    ).toBe(403);

    const withdrawn = await t.inject({
      method: 'POST',
      url: `/api/booths/${booth.id}/withdraw`,
      headers: a.auth,
    });
    expect(json<Booth>(withdrawn).status).toBe('withdrawn');
    const late = await t.inject({
      method: 'PATCH',
      url: `/api/booths/${booth.id}`,
      headers: a.auth,
      payload: { size: '2x2' },
    });
    expect(late.statusCode).toBe(409);
    expect(json(late).code).toBe('BOOTH_NOT_PENDING');
    // A withdrawn application may be sent again.
    const again = await apply(a, fx.id, { size: '3x3', productIds: [] });
    expect(again.statusCode).toBe(201);
    expect(json<Booth>(again)).toMatchObject({ id: booth.id, status: 'pending' });
  });

  it('approves with a hall and code: the members get a stored notification and booth:status live', async () => {
    const fx = await fair();
    const owner = await f.member('exhibitor', 'approved');
    const colleague = await f.user({
      role: 'exhibitor',
      companyId: owner.companyId as string,
      membership: 'staff',
    });
    const booth = json<Booth>(await apply(owner, fx.id, { size: '3x3', productIds: [] }));

    const s1 = connect(t.baseUrl, owner.token);
    const s2 = connect(t.baseUrl, colleague.token);
    sockets.push(s1, s2);
    await Promise.all([s1, s2].map((s) => once(s, 'connect')));
    const note1 = once<AppNotification>(s1, 'notification:new');
    const note2 = once<AppNotification>(s2, 'notification:new');
    const status = once<BoothStatusEvent>(s1, 'booth:status');

    const res = await t.inject({
      method: 'POST',
      url: `/api/booths/${booth.id}/approve`,
      headers: organizer.auth,
      payload: { hallId: fx.halls[0].id, code: 'a-12', gridRow: 2, gridCol: 3 },
    });
    expect(res.statusCode).toBe(201);
    expect(json<Booth>(res)).toMatchObject({
      status: 'approved',
      code: 'A-12',
      hallCode: 'A',
      gridRow: 2,
      gridCol: 3,
    });

    const [n1, n2, ev] = await Promise.all([note1, note2, status]);
    expect(n1).toMatchObject({
      type: 'booth.approved',
      data: { code: 'A-12', hallName: 'Hall A', boothId: booth.id },
    });
    expect(n2.type).toBe('booth.approved');
    expect(ev).toEqual({
      boothId: booth.id,
      fairId: fx.id,
      companyId: owner.companyId,
      status: 'approved',
      code: 'A-12',
      hallCode: 'A',
      reason: null,
    });

    const stored = json<{ items: AppNotification[] }>(
      await t.inject({ method: 'GET', url: '/api/notifications', headers: owner.auth }),
    );
    expect(stored.items[0]).toMatchObject({ id: n1.id, type: 'booth.approved' });

    const audit = await t.dataSource.query(
      `SELECT action, actor_id, company_id FROM audit_log WHERE entity_id = $1`,
      [booth.id],
    );
    expect(audit).toEqual([{ action: 'booth.approve', actor_id: organizer.id, company_id: owner.companyId }]);

    const again = await t.inject({
      method: 'POST',
      url: `/api/booths/${booth.id}/reject`,
      headers: organizer.auth,
      payload: { reason: 'late' },
    });
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('BOOTH_NOT_PENDING');
  });

  it('rejects with a reason, notified live', async () => {
    const fx = await fair();
    const owner = await f.member('exhibitor', 'approved');
    const booth = json<Booth>(await apply(owner, fx.id, { size: '3x3', productIds: [] }));
    const s = connect(t.baseUrl, owner.token);
    sockets.push(s);
    await once(s, 'connect');
    const status = once<BoothStatusEvent>(s, 'booth:status');
    const note = once<AppNotification>(s, 'notification:new');
    const res = await t.inject({
      method: 'POST',
      url: `/api/booths/${booth.id}/reject`,
      headers: organizer.auth,
      payload: { reason: 'Hết chỗ khu A' },
    });
    expect(res.statusCode).toBe(201);
    expect(json<Booth>(res)).toMatchObject({ status: 'rejected', statusReason: 'Hết chỗ khu A' });
    expect(await status).toMatchObject({ status: 'rejected', reason: 'Hết chỗ khu A' });
    expect(await note).toMatchObject({ type: 'booth.rejected', data: { reason: 'Hết chỗ khu A' } });
    const missing = await t.inject({
      method: 'POST',
      url: `/api/booths/${booth.id}/reject`,
      headers: organizer.auth,
      payload: {},
    });
    expect(json(missing)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { reason: 'REQUIRED' } },
    });
  });

  it('keeps booth codes unique per fair under two concurrent approvals', async () => {
    const fx = await fair();
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    const ba = json<Booth>(await apply(a, fx.id, { size: '3x3', productIds: [] }));
    const bb = json<Booth>(await apply(b, fx.id, { size: '3x3', productIds: [] }));
    const approve = (id: string) =>
      t.inject({
        method: 'POST',
        url: `/api/booths/${id}/approve`,
        headers: organizer.auth,
        payload: { hallId: fx.halls[0].id, code: 'A-01' },
      });
    const results = await Promise.all([approve(ba.id), approve(bb.id)]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409);
    expect(json(loser!).code).toBe('BOOTH_CODE_TAKEN');

    // Nothing half-written: the loser is still pending, with no code, no audit entry and no notification.
    const rows = await t.dataSource.query(
      `SELECT status, code FROM booths WHERE fair_id = $1 ORDER BY status`,
      [fx.id],
    );
    expect(rows).toEqual([
      { status: 'approved', code: 'A-01' },
      { status: 'pending', code: null },
    ]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ANY($1) AND action = 'booth.approve'`,
      [[ba.id, bb.id]],
    );
    expect(n).toBe(1);
    const [{ notes }] = await t.dataSource.query(
      `SELECT count(*)::int AS notes FROM notifications WHERE type = 'booth.approved' AND user_id = ANY($1)`,
      [[a.id, b.id]],
    );
    expect(notes).toBe(1);

    // The same code is free at another fair; a taken grid cell is refused too.
    const other = await fair();
    const bo = json<Booth>(await apply(a, other.id, { size: '3x3', productIds: [] }));
    const elsewhere = await t.inject({
      method: 'POST',
      url: `/api/booths/${bo.id}/approve`,
      headers: organizer.auth,
      payload: { hallId: other.halls[0].id, code: 'A-01', gridRow: 1, gridCol: 1 },
    });
    expect(elsewhere.statusCode).toBe(201);
    const bo2 = json<Booth>(await apply(b, other.id, { size: '3x3', productIds: [] }));
    const cell = await t.inject({
      method: 'POST',
      url: `/api/booths/${bo2.id}/approve`,
      headers: organizer.auth,
      payload: { hallId: other.halls[0].id, code: 'A-02', gridRow: 1, gridCol: 1 },
    });
    expect(cell.statusCode).toBe(409);
    expect(json(cell).code).toBe('BOOTH_CELL_TAKEN');
    const outside = await t.inject({
      method: 'POST',
      url: `/api/booths/${bo2.id}/approve`,
      headers: organizer.auth,
      payload: { hallId: other.halls[1].id, code: 'B-02', gridRow: 3, gridCol: 1 },
    });
    expect(json(outside)).toMatchObject({ details: { fields: { gridRow: 'TOO_LARGE' } } });
  });

  it('lists applications per fair with filters, and draws the floor grid', async () => {
    const fx = await fair();
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    const c = await f.member('exhibitor', 'approved');
    const ba = json<Booth>(
      await apply(a, fx.id, { size: '3x3', productIds: [], preferredHallId: fx.halls[1].id }),
    );
    await apply(b, fx.id, { size: '3x3', productIds: [] });
    await apply(c, fx.id, { size: '6x6', productIds: [] });
    await t.inject({
      method: 'POST',
      url: `/api/booths/${ba.id}/approve`,
      headers: organizer.auth,
      payload: { hallId: fx.halls[1].id, code: 'B-1', gridRow: 1, gridCol: 2 },
    });

    const all = json<BoothPage>(
      await t.inject({ method: 'GET', url: `/api/fairs/${fx.id}/booths`, headers: organizer.auth }),
    );
    expect(all.total).toBe(3);
    expect(all.items[0].status).toBe('pending');
    const pending = json<BoothPage>(
      await t.inject({
        method: 'GET',
        url: `/api/fairs/${fx.id}/booths?status=pending`,
        headers: organizer.auth,
      }),
    );
    expect(pending.total).toBe(2);
    const hallB = json<BoothPage>(
      await t.inject({
        method: 'GET',
        url: `/api/fairs/${fx.id}/booths?hallId=${fx.halls[1].id}`,
        headers: organizer.auth,
      }),
    );
    expect(hallB.items.map((x) => x.id)).toEqual([ba.id]);
    expect(
      (await t.inject({ method: 'GET', url: `/api/fairs/${fx.id}/booths`, headers: a.auth })).statusCode,
    ).toBe(403);

    const floor = json<FloorPlan>(
      await t.inject({ method: 'GET', url: `/api/fairs/${fx.id}/floor`, headers: organizer.auth }),
    );
    expect(floor.halls.map((h) => [h.code, h.gridRows, h.gridCols, h.booths.length])).toEqual([
      ['A', 3, 4, 0],
      ['B', 2, 2, 1],
    ]);
    expect(floor.halls[1].booths[0]).toMatchObject({
      code: 'B-1',
      companyId: a.companyId,
      gridRow: 1,
      gridCol: 2,
    });
    expect(
      (await t.inject({ method: 'GET', url: `/api/fairs/${fx.id}/floor`, headers: a.auth })).statusCode,
    ).toBe(403);
  });

  it('serves the public poster of an approved booth with QR SVGs to the catalogue and products', async () => {
    const fx = await fair();
    const a = await f.member('exhibitor', 'approved');
    const shown = await product(a.companyId as string);
    for (let i = 0; i < 7; i++) await product(a.companyId as string);
    await product(a.companyId as string, 'draft');
    const booth = json<Booth>(await apply(a, fx.id, { size: '3x3', productIds: [shown] }));
    expect((await t.inject({ method: 'GET', url: `/api/booths/${booth.id}/poster` })).statusCode).toBe(404);
    await t.inject({
      method: 'POST',
      url: `/api/booths/${booth.id}/approve`,
      headers: organizer.auth,
      payload: { hallId: fx.halls[0].id, code: 'A-07' },
    });

    const res = await t.inject({ method: 'GET', url: `/api/booths/${booth.id}/poster` });
    expect(res.statusCode).toBe(200);
    const poster = json<BoothPoster>(res);
    expect(poster).toMatchObject({
      code: 'A-07',
      hallCode: 'A',
      companyId: a.companyId,
      catalogueUrl: `http://localhost:3000/e/${a.companyId}`,
    });
    expect(poster.catalogueQrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(poster.products).toHaveLength(6);
    const [{ slug }] = await t.dataSource.query(`SELECT slug FROM products WHERE id = $1`, [shown]);
    expect(poster.products[0]).toMatchObject({ slug, url: `http://localhost:3000/p/${slug}` });
    expect(poster.products.every((p) => p.qrSvg.startsWith('<svg'))).toBe(true);
  });
});
