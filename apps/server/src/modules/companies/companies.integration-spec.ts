import { io, type Socket } from 'socket.io-client';
import type { AppNotification, CompanyStatusEvent, CompanySummary, Page } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory } from '../../../test/factories';

function connect(baseUrl: string, token?: string): Socket {
  return io(baseUrl, {
    path: '/socket.io',
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
}

function once<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, (payload: T) => resolve(payload)));
}

describe('companies: organizer approval', () => {
  let t: TestApp;
  let f: Factory;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    await t.listen();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(() => t.close());

  it('lists pending companies for the organizer, oldest first, with paging', async () => {
    const organizer = await f.organizer();
    const a = await f.member('exhibitor', 'pending');
    const b = await f.member('buyer', 'pending');
    await f.member('exhibitor', 'approved');
    const res = await t.inject({
      method: 'GET',
      url: '/api/companies?status=pending&pageSize=50',
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(200);
    const page = json<Page<CompanySummary>>(res);
    const ids = page.items.map((c) => c.id);
    expect(ids.indexOf(a.companyId as string)).toBeLessThan(ids.indexOf(b.companyId as string));
    expect(page.items.every((c) => c.status === 'pending')).toBe(true);
    expect(page.items.find((c) => c.id === a.companyId)?.ownerEmail).toBe(a.email);
    const small = json<Page<CompanySummary>>(
      await t.inject({
        method: 'GET',
        url: '/api/companies?status=pending&pageSize=1&page=2',
        headers: organizer.auth,
      }),
    );
    expect(small.items).toHaveLength(1);
    expect(small.total).toBe(page.total);
  });

  it('refuses the queue to exhibitors and buyers', async () => {
    const exhibitor = await f.member('exhibitor', 'approved');
    const res = await t.inject({ method: 'GET', url: '/api/companies', headers: exhibitor.auth });
    expect(res.statusCode).toBe(403);
    expect(json(res).code).toBe('FORBIDDEN');
  });

  it('approves a company: every member gets a live notification, stored in their list', async () => {
    const organizer = await f.organizer();
    const owner = await f.member('exhibitor', 'pending');
    const colleague = await f.user({
      role: 'exhibitor',
      companyId: owner.companyId as string,
      membership: 'staff',
    });
    const outsider = await f.member('exhibitor', 'pending');

    const ownerSocket = connect(t.baseUrl, owner.token);
    const colleagueSocket = connect(t.baseUrl, colleague.token);
    const outsiderSocket = connect(t.baseUrl, outsider.token);
    sockets.push(ownerSocket, colleagueSocket, outsiderSocket);
    await Promise.all([ownerSocket, colleagueSocket, outsiderSocket].map((s) => once(s, 'connect')));
    let outsiderGot = 0;
    outsiderSocket.on('notification:new', () => outsiderGot++);

    const ownerNote = once<AppNotification>(ownerSocket, 'notification:new');
    const colleagueNote = once<AppNotification>(colleagueSocket, 'notification:new');
    const status = once<CompanyStatusEvent>(ownerSocket, 'company:status');
    const res = await t.inject({
      method: 'POST',
      url: `/api/companies/${owner.companyId}/approve`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(201);
    expect(json<CompanySummary>(res).status).toBe('approved');

    const [n1, n2, s] = await Promise.all([ownerNote, colleagueNote, status]);
    expect(n1.type).toBe('company.approved');
    expect(n2.type).toBe('company.approved');
    expect(s).toEqual({ companyId: owner.companyId, status: 'approved', reason: null });

    const list = json<{ items: AppNotification[]; unreadCount: number }>(
      await t.inject({ method: 'GET', url: '/api/notifications', headers: owner.auth }),
    );
    expect(list.unreadCount).toBe(1);
    expect(list.items[0]).toMatchObject({ id: n1.id, type: 'company.approved', readAt: null });

    // The outsider's socket got nothing; a ping round-trip proves its events were flushed.
    const pong = await outsiderSocket.timeout(5000).emitWithAck('ping');
    expect(pong).toEqual({ pong: true, userId: outsider.id });
    expect(outsiderGot).toBe(0);

    const mail = await t.dataSource.query(
      `SELECT to_address, template, subject FROM mail_outbox ORDER BY to_address`,
    );
    expect(mail.map((m: { to_address: string }) => m.to_address).sort()).toEqual(
      [owner.email, colleague.email].sort(),
    );
    expect(mail[0].subject).toContain('đã được duyệt');
  });

  it('rejects with a reason, and refuses a second review', async () => {
    const organizer = await f.organizer();
    const owner = await f.member('buyer', 'pending');
    const missing = await t.inject({
      method: 'POST',
      url: `/api/companies/${owner.companyId}/reject`,
      headers: { ...organizer.auth, 'accept-language': 'en' },
      payload: {},
    });
    expect(missing.statusCode).toBe(400);
    expect(json(missing)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { reason: 'REQUIRED' } },
    });

    const res = await t.inject({
      method: 'POST',
      url: `/api/companies/${owner.companyId}/reject`,
      headers: organizer.auth,
      payload: { reason: 'Thiếu giấy phép kinh doanh' },
    });
    expect(res.statusCode).toBe(201);
    expect(json<CompanySummary>(res)).toMatchObject({
      status: 'rejected',
      statusReason: 'Thiếu giấy phép kinh doanh',
    });

    const again = await t.inject({
      method: 'POST',
      url: `/api/companies/${owner.companyId}/reject`,
      headers: organizer.auth,
      payload: { reason: 'again' },
    });
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('COMPANY_ALREADY_REVIEWED');
  });

  it('only an organizer reviews; organizer staff may read but not approve', async () => {
    const staff = await f.user({ role: 'organizer_staff' });
    const owner = await f.member('exhibitor', 'pending');
    const read = await t.inject({
      method: 'GET',
      url: `/api/companies/${owner.companyId}`,
      headers: staff.auth,
    });
    expect(read.statusCode).toBe(200);
    const approve = await t.inject({
      method: 'POST',
      url: `/api/companies/${owner.companyId}/approve`,
      headers: staff.auth,
    });
    expect(approve.statusCode).toBe(403);
    const self = await t.inject({
      method: 'POST',
      url: `/api/companies/${owner.companyId}/approve`,
      headers: owner.auth,
    });
    expect(self.statusCode).toBe(403);
  });

  it("refuses a member of company A on company B's data", async () => {
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    for (const url of [`/api/companies/${b.companyId}`, `/api/companies/${b.companyId}/members`]) {
      const res = await t.inject({ method: 'GET', url, headers: a.auth });
      expect(res.statusCode).toBe(403);
      expect(json(res).code).toBe('FORBIDDEN');
    }
    const own = await t.inject({
      method: 'GET',
      url: `/api/companies/${a.companyId}/members`,
      headers: a.auth,
    });
    expect(own.statusCode).toBe(200);
    expect(json<unknown[]>(own)).toHaveLength(1);
  });

  it('refuses a socket without a valid token', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const socket = connect(t.baseUrl, token);
      sockets.push(socket);
      const error = await once<Error>(socket, 'connect_error');
      expect(error.message).toBe('UNAUTHENTICATED');
      expect(socket.connected).toBe(false);
    }
  });
});
