import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type {
  ApiErrorBody,
  AppNotification,
  AuditEntry,
  Page,
  SampleChangedEvent,
  SampleDetail,
  SampleSummary,
} from '@craftmatch/shared';
import { connectSocket } from '../../../test/sockets';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

type Auth = { authorization: string };
const code = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).code;
const fields = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).details?.fields;

describe('samples', () => {
  let t: TestApp;
  let f: Factory;
  let fairId: string;
  let organizer: TestUser;
  let exhibitor: TestUser;
  let buyer: TestUser;
  let otherBuyer: TestUser;
  let otherExhibitor: TestUser;
  let productId: string;

  const post = (url: string, who: Auth, payload: object = {}) =>
    t.inject({ method: 'POST', url: `/api${url}`, headers: who, payload });
  const get = (url: string, who: Auth) => t.inject({ method: 'GET', url: `/api${url}`, headers: who });
  const request = async (who: TestUser, counterpart: TestUser, over: Record<string, unknown> = {}) => {
    const res = await post(`/fairs/${fairId}/samples`, who.auth, {
      counterpartCompanyId: counterpart.companyId,
      items: [
        { productId, description: 'Bình gốm men lam 30 cm', quantity: 2 },
        { description: 'Màu men khác', quantity: 1 },
      ],
      cost: '35.50',
      currency: 'usd',
      ...over,
    });
    expect(res.statusCode).toBe(201);
    return json<SampleDetail>(res);
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status) VALUES ($1, 'Hội chợ', 'Craft Fair', 'SECC', 'live')
       RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    fairId = fair.id;
    organizer = await f.organizer();
    exhibitor = await f.member('exhibitor', 'approved');
    buyer = await f.member('buyer', 'approved');
    otherBuyer = await f.member('buyer', 'approved');
    otherExhibitor = await f.member('exhibitor', 'approved');
    const [category] = await t.dataSource.query(`SELECT code FROM craft_categories LIMIT 1`);
    const [product] = await t.dataSource.query(
      `INSERT INTO products (company_id, slug, name_vi, name_en, category_code)
       VALUES ($1, $2, 'Bình gốm', 'Ceramic vase', $3) RETURNING id`,
      [exhibitor.companyId, `p-${randomUUID()}`, category.code],
    );
    productId = product.id;
  });
  afterAll(() => t.close());

  it('requested → sent → received → approved, each step by its side, audited', async () => {
    const s = await request(buyer, exhibitor);
    expect(s).toMatchObject({
      status: 'requested',
      exhibitorCompanyId: exhibitor.companyId,
      buyerCompanyId: buyer.companyId,
      requestedByCompanyId: buyer.companyId,
      cost: '35.5000',
      currency: 'USD',
      itemCount: 2,
    });
    expect(s.items[0]).toMatchObject({ productId, productName: 'Ceramic vase', quantity: 2 });

    // the buyer cannot ship, the exhibitor cannot receive; steps keep their order
    expect(
      (await post(`/samples/${s.id}/send`, buyer.auth, { courier: 'DHL', trackingNumber: '1' })).statusCode,
    ).toBe(403);
    const early = await post(`/samples/${s.id}/receive`, buyer.auth);
    expect([early.statusCode, code(early)]).toEqual([409, 'INVALID_SAMPLE_TRANSITION']);
    const noTracking = await post(`/samples/${s.id}/send`, exhibitor.auth, { courier: 'DHL' });
    expect([noTracking.statusCode, fields(noTracking)]).toEqual([400, { trackingNumber: 'REQUIRED' }]);

    const sent = await post(`/samples/${s.id}/send`, exhibitor.auth, {
      courier: 'DHL Express',
      trackingNumber: '1234567890',
    });
    expect(json<SampleDetail>(sent)).toMatchObject({
      status: 'sent',
      courier: 'DHL Express',
      trackingNumber: '1234567890',
    });
    expect((await post(`/samples/${s.id}/receive`, exhibitor.auth)).statusCode).toBe(403);
    expect(json<SampleDetail>(await post(`/samples/${s.id}/receive`, buyer.auth)).status).toBe('received');
    expect(json<SampleDetail>(await post(`/samples/${s.id}/approve`, buyer.auth)).status).toBe('approved');
    const again = await post(`/samples/${s.id}/reject`, buyer.auth, { reason: 'x' });
    expect([again.statusCode, code(again)]).toEqual([409, 'INVALID_SAMPLE_TRANSITION']);

    const trail = json<AuditEntry[]>(await get(`/samples/${s.id}/audit`, exhibitor.auth));
    expect(trail.map((a) => [a.action, a.before, a.after])).toEqual([
      ['sample.request', null, expect.objectContaining({ status: 'requested', cost: '35.5000' })],
      [
        'sample.send',
        { status: 'requested', courier: null, trackingNumber: null },
        { status: 'sent', courier: 'DHL Express', trackingNumber: '1234567890' },
      ],
      ['sample.receive', { status: 'sent' }, { status: 'received' }],
      ['sample.approve', { status: 'received' }, { status: 'approved' }],
    ]);
    const notes = await t.dataSource.query(
      `SELECT data->>'statusLabel' AS label FROM notifications
        WHERE user_id = $1 AND type = 'sample.changed' AND data->>'sampleId' = $2`,
      [exhibitor.id, s.id],
    );
    // the factory's users read Vietnamese
    expect(notes.map((n: { label: string }) => n.label).sort()).toEqual([
      'đã duyệt',
      'đã nhận',
      'đã yêu cầu',
    ]);
  });

  it('a rejection needs a reason', async () => {
    const s = await request(exhibitor, buyer);
    expect(s.requestedByCompanyId).toBe(exhibitor.companyId);
    await post(`/samples/${s.id}/send`, exhibitor.auth, { courier: 'VNPost', trackingNumber: 'EMS1' });
    await post(`/samples/${s.id}/receive`, buyer.auth);
    expect((await post(`/samples/${s.id}/reject`, buyer.auth, {})).statusCode).toBe(400);
    const res = await post(`/samples/${s.id}/reject`, buyer.auth, { reason: 'Men bị rạn' });
    expect(json<SampleDetail>(res)).toMatchObject({ status: 'rejected', rejectReason: 'Men bị rạn' });
  });

  it('refuses bad requests, writing nothing', async () => {
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM samples`);
    const [foreign] = await t.dataSource.query(
      `INSERT INTO products (company_id, slug, name_vi, name_en, category_code)
       SELECT $1, $2, 'Khác', 'Other', code FROM craft_categories LIMIT 1 RETURNING id`,
      [otherExhibitor.companyId, `p-${randomUUID()}`],
    );
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ counterpartCompanyId: otherBuyer.companyId }, { counterpartCompanyId: 'NOT_A_COUNTERPART' }],
      [{ items: [] }, { items: 'TOO_SHORT' }],
      [{ items: [{ description: 'x', quantity: 0 }] }, { 'items.0.quantity': 'TOO_SMALL' }],
      [
        { items: [{ productId: foreign.id, description: 'x', quantity: 1 }] },
        { 'items.0.productId': 'PRODUCT_NOT_ELIGIBLE' },
      ],
      [{ cost: 35.5 }, { cost: 'INVALID_TYPE' }],
      [{ cost: '1', currency: null }, { currency: 'REQUIRED' }],
      [{ meetingId: randomUUID() }, { meetingId: 'MEETING_NOT_HELD' }],
    ];
    for (const [over, expected] of cases) {
      const res = await post(`/fairs/${fairId}/samples`, buyer.auth, {
        counterpartCompanyId: exhibitor.companyId,
        items: [{ description: 'x', quantity: 1 }],
        ...over,
      });
      expect([res.statusCode, fields(res)]).toEqual([400, expected]);
    }
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM samples`);
    expect(after).toBe(before);
  });

  it('a buyer never sees another buyer’s samples; an exhibitor only its own; the organizer all', async () => {
    const mine = await request(buyer, exhibitor);
    const theirs = await request(otherBuyer, exhibitor);
    const elsewhere = await request(otherBuyer, otherExhibitor, {
      items: [{ description: 'x', quantity: 1 }],
    });
    const ids = async (who: Auth) =>
      json<Page<SampleSummary>>(await get(`/samples?fairId=${fairId}&pageSize=100`, who)).items.map(
        (s) => s.id,
      );
    const buyerSees = await ids(buyer.auth);
    expect(buyerSees).toContain(mine.id);
    expect(buyerSees).not.toContain(theirs.id);
    expect(buyerSees).not.toContain(elsewhere.id);
    const exhibitorSees = await ids(exhibitor.auth);
    expect(exhibitorSees).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(exhibitorSees).not.toContain(elsewhere.id);
    expect(await ids(organizer.auth)).toEqual(expect.arrayContaining([mine.id, theirs.id, elsewhere.id]));
    for (const url of [`/samples/${theirs.id}`, `/samples/${theirs.id}/audit`]) {
      expect((await get(url, buyer.auth)).statusCode).toBe(404);
      expect((await get(url, otherExhibitor.auth)).statusCode).toBe(404);
      expect((await get(url, organizer.auth)).statusCode).toBe(200);
    }
    const res = await post(`/samples/${theirs.id}/send`, otherExhibitor.auth, {
      courier: 'x',
      trackingNumber: 'y',
    });
    expect(res.statusCode).toBe(404);
    expect((await post(`/fairs/${fairId}/samples`, organizer.auth, {})).statusCode).toBe(403);
  });

  it('each change reaches both companies live, and the organizers', async () => {
    const connect = (user: TestUser): Promise<Socket> => connectSocket(t, user);
    const waitFor = <T>(socket: Socket, event: string, accept: (p: T) => boolean) =>
      new Promise<T>((resolve) => {
        const listener = (p: T) => {
          if (!accept(p)) return;
          socket.off(event, listener);
          resolve(p);
        };
        socket.on(event, listener);
      });
    const [buyerSocket, exhibitorSocket, organizerSocket] = [
      await connect(buyer),
      await connect(exhibitor),
      await connect(organizer),
    ];
    try {
      const s = await request(buyer, exhibitor);
      const buyerSees = waitFor<SampleChangedEvent>(
        buyerSocket,
        'sample:changed',
        (e) => e.status === 'sent',
      );
      const exhibitorSees = waitFor<SampleChangedEvent>(
        exhibitorSocket,
        'sample:changed',
        (e) => e.status === 'sent',
      );
      const note = waitFor<AppNotification>(
        buyerSocket,
        'notification:new',
        (n) => n.type === 'sample.changed' && n.data.sampleId === s.id,
      );
      const dashboard = waitFor<{ fairId: string }>(organizerSocket, 'dashboard:changed', () => true);
      await post(`/samples/${s.id}/send`, exhibitor.auth, { courier: 'DHL', trackingNumber: 'T-1' });
      expect(await buyerSees).toEqual({ id: s.id, fairId, status: 'sent' });
      expect(await exhibitorSees).toEqual({ id: s.id, fairId, status: 'sent' });
      expect(await note).toMatchObject({ data: { status: 'sent', statusLabel: 'đã gửi' } });
      expect(await dashboard).toEqual({ fairId });
    } finally {
      buyerSocket.disconnect();
      exhibitorSocket.disconnect();
      organizerSocket.disconnect();
    }
  });
});
