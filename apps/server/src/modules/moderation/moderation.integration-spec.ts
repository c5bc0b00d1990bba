import { io, type Socket } from 'socket.io-client';
import {
  REFRESH_COOKIE,
  type AppNotification,
  type AuditEntry,
  type CompanyStatusEvent,
  type CompanySummary,
  type ModerationProduct,
  type Page,
  type Product,
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
const nextIp = () => `10.7.0.${++seq}`;

describe('moderation: organizers unpublish products and suspend companies, with an audit trail', () => {
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

  async function publishedProduct(owner: TestUser, nameEn = 'Rattan basket'): Promise<Product> {
    const created = await t.inject({
      method: 'POST',
      url: '/api/products',
      headers: owner.auth,
      payload: { nameVi: 'Giỏ mây Phú Vinh', nameEn, categoryCode: 'BAS' },
    });
    const id = json<Product>(created).id;
    const res = await t.inject({ method: 'POST', url: `/api/products/${id}/publish`, headers: owner.auth });
    expect(res.statusCode).toBe(200);
    return json<Product>(res);
  }

  const audit = async (organizer: TestUser, entityType: string, entityId: string) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/audit?entityType=${entityType}&entityId=${entityId}`,
      headers: organizer.auth,
    });
    expect(res.statusCode).toBe(200);
    return json<Page<AuditEntry>>(res);
  };

  it('unpublishes a product with a reason: the owner is notified live and the audit log has before and after', async () => {
    const organizer = await f.organizer();
    const owner = await f.member('exhibitor', 'approved');
    const product = await publishedProduct(owner);

    const socket = connect(t.baseUrl, owner.token);
    sockets.push(socket);
    await once(socket, 'connect');
    const note = once<AppNotification>(socket, 'notification:new');

    const res = await t.inject({
      method: 'POST',
      url: `/api/moderation/products/${product.id}/unpublish`,
      headers: organizer.auth,
      payload: { reason: 'Ảnh chụp không phải sản phẩm thủ công' },
    });
    expect(res.statusCode).toBe(200);
    expect(json<ModerationProduct>(res)).toMatchObject({
      id: product.id,
      status: 'unpublished',
      moderationReason: 'Ảnh chụp không phải sản phẩm thủ công',
      companyId: owner.companyId,
      publishedAt: null,
    });

    const received = await note;
    expect(received).toMatchObject({
      type: 'product.unpublished',
      data: {
        productId: product.id,
        productName: 'Giỏ mây Phú Vinh',
        reason: 'Ảnh chụp không phải sản phẩm thủ công',
      },
    });
    const stored = json<{ items: AppNotification[] }>(
      await t.inject({ method: 'GET', url: '/api/notifications', headers: owner.auth }),
    );
    expect(stored.items[0]).toMatchObject({ id: received.id, type: 'product.unpublished' });

    const log = await audit(organizer, 'product', product.id);
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      actorId: organizer.id,
      action: 'product.unpublish',
      companyId: owner.companyId,
      reason: 'Ảnh chụp không phải sản phẩm thủ công',
      before: { status: 'published', moderationReason: null },
      after: {
        status: 'unpublished',
        moderationReason: 'Ảnh chụp không phải sản phẩm thủ công',
        publishedAt: null,
      },
    });

    // Only a published product can be unpublished; a reason is required.
    const twice = await t.inject({
      method: 'POST',
      url: `/api/moderation/products/${product.id}/unpublish`,
      headers: organizer.auth,
      payload: { reason: 'again' },
    });
    expect(twice.statusCode).toBe(409);
    const noReason = await t.inject({
      method: 'POST',
      url: `/api/moderation/products/${product.id}/unpublish`,
      headers: organizer.auth,
      payload: { reason: ' ' },
    });
    expect(json(noReason)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { reason: 'REQUIRED' } },
    });
  });

  it('lets only organizers moderate; organizer staff may read the lists and the audit log', async () => {
    const owner = await f.member('exhibitor', 'approved');
    const product = await publishedProduct(owner, 'Seagrass tray');
    const staff = await f.user({ role: 'organizer_staff' });
    const other = await f.member('exhibitor', 'approved');
    for (const user of [staff, owner, other]) {
      for (const url of [
        `/api/moderation/products/${product.id}/unpublish`,
        `/api/moderation/companies/${owner.companyId}/suspend`,
      ]) {
        const res = await t.inject({ method: 'POST', url, headers: user.auth, payload: { reason: 'no' } });
        expect(res.statusCode).toBe(403);
      }
    }
    for (const user of [owner, other]) {
      const res = await t.inject({ method: 'GET', url: '/api/audit', headers: user.auth });
      expect(res.statusCode).toBe(403);
    }
    const list = await t.inject({
      method: 'GET',
      url: `/api/moderation/products?status=published&q=seagrass`,
      headers: staff.auth,
    });
    expect(list.statusCode).toBe(200);
    expect(json<Page<ModerationProduct>>(list).items).toEqual([
      expect.objectContaining({ id: product.id, companyStatus: 'approved', status: 'published' }),
    ]);
  });

  it('suspends a company: sign-in and refresh are refused, products hidden, members told; reinstating undoes it', async () => {
    const organizer = await f.organizer();
    const owner = await f.member('exhibitor', 'approved');
    const colleague = await f.user({
      role: 'exhibitor',
      companyId: owner.companyId as string,
      membership: 'staff',
    });
    const product = await publishedProduct(owner);

    const login = (user: TestUser) =>
      t.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: nextIp(),
        payload: { email: user.email, password: user.password },
      });
    const refresh = (token: string) =>
      t.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        remoteAddress: nextIp(),
        cookies: { [REFRESH_COOKIE]: token },
      });
    const signedIn = await login(owner);
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.cookies.find((c) => c.name === REFRESH_COOKIE)?.value as string;

    const socket = connect(t.baseUrl, colleague.token);
    sockets.push(socket);
    await once(socket, 'connect');
    const note = once<AppNotification>(socket, 'notification:new');
    const status = once<CompanyStatusEvent>(socket, 'company:status');

    const res = await t.inject({
      method: 'POST',
      url: `/api/moderation/companies/${owner.companyId}/suspend`,
      headers: organizer.auth,
      payload: { reason: 'Hàng giả mạo xuất xứ' },
    });
    expect(res.statusCode).toBe(200);
    expect(json<CompanySummary>(res)).toMatchObject({
      status: 'suspended',
      statusReason: 'Hàng giả mạo xuất xứ',
    });
    expect(await note).toMatchObject({ type: 'company.suspended', data: { reason: 'Hàng giả mạo xuất xứ' } });
    expect(await status).toEqual({
      companyId: owner.companyId,
      status: 'suspended',
      reason: 'Hàng giả mạo xuất xứ',
    });

    // Sessions ended, and no new ones.
    const refused = await login(owner);
    expect(refused.statusCode).toBe(403);
    expect(json(refused).code).toBe('COMPANY_SUSPENDED');
    expect(refused.cookies.find((c) => c.name === REFRESH_COOKIE && c.value)).toBeUndefined();
    expect((await refresh(cookie)).statusCode).toBe(401);
    const [live] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM refresh_tokens r JOIN company_memberships m ON m.user_id = r.user_id
        WHERE m.company_id = $1 AND r.revoked_at IS NULL AND r.used_at IS NULL`,
      [owner.companyId],
    );
    // The one row left by the refused sign-in was never handed out.
    expect(live.n).toBeLessThanOrEqual(1);

    // Hidden from the public catalogue: only approved companies' published products are shown.
    const [visible] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM products p JOIN companies c ON c.id = p.company_id
        WHERE p.id = $1 AND p.status = 'published' AND c.status = 'approved'`,
      [product.id],
    );
    expect(visible.n).toBe(0);

    const twice = await t.inject({
      method: 'POST',
      url: `/api/moderation/companies/${owner.companyId}/suspend`,
      headers: organizer.auth,
      payload: { reason: 'again' },
    });
    expect(twice.statusCode).toBe(409);

    const back = await t.inject({
      method: 'POST',
      url: `/api/moderation/companies/${owner.companyId}/reinstate`,
      headers: organizer.auth,
      payload: {},
    });
    expect(back.statusCode).toBe(200);
    expect(json<CompanySummary>(back)).toMatchObject({ status: 'approved', statusReason: null });
    expect((await login(owner)).statusCode).toBe(200);

    const log = await audit(organizer, 'company', owner.companyId as string);
    expect(log.items.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        'company.reinstate',
        { status: 'suspended', statusReason: 'Hàng giả mạo xuất xứ' },
        { status: 'approved', statusReason: null },
      ],
      [
        'company.suspend',
        { status: 'approved', statusReason: null },
        { status: 'suspended', statusReason: 'Hàng giả mạo xuất xứ' },
      ],
    ]);
    expect(log.items[1]).toMatchObject({ actorEmail: organizer.email, reason: 'Hàng giả mạo xuất xứ' });
  });

  it('refuses a refresh for a member of a suspended company even with a live token', async () => {
    const owner = await f.member('exhibitor', 'approved');
    const signedIn = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(),
      payload: { email: owner.email, password: owner.password },
    });
    const cookie = signedIn.cookies.find((c) => c.name === REFRESH_COOKIE)?.value as string;
    // Suspended behind the API's back: the refresh token is still live.
    await t.dataSource.query(`UPDATE companies SET status = 'suspended', status_reason = 'x' WHERE id = $1`, [
      owner.companyId,
    ]);
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      remoteAddress: nextIp(),
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(json(res).code).toBe('COMPANY_SUSPENDED');
  });

  it('suspends only approved companies', async () => {
    const organizer = await f.organizer();
    const pending = await f.member('exhibitor', 'pending');
    const res = await t.inject({
      method: 'POST',
      url: `/api/moderation/companies/${pending.companyId}/suspend`,
      headers: organizer.auth,
      payload: { reason: 'x' },
    });
    expect(res.statusCode).toBe(409);
    const reinstate = await t.inject({
      method: 'POST',
      url: `/api/moderation/companies/${pending.companyId}/reinstate`,
      headers: organizer.auth,
      payload: {},
    });
    expect(reinstate.statusCode).toBe(409);
    const log = await audit(organizer, 'company', pending.companyId as string);
    expect(log.total).toBe(0);
  });
});
