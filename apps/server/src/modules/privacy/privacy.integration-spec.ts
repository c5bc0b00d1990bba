import { randomUUID } from 'node:crypto';
import {
  PRIVACY_NOTICE_VERSION,
  REFRESH_COOKIE,
  type AuthSession,
  type MyDataExport,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { DELETED_NAME, tombstoneEmail } from './privacy.service';

let seq = 0;
const nextIp = () => `10.8.0.${++seq}`;

describe('privacy: consent, my data, account deletion', () => {
  let t: TestApp;
  let f: Factory;
  let fairId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, time_zone)
       VALUES ($1, 'Hội chợ Thủ công', 'Craft Fair', 'SECC', 'live', 'Asia/Ho_Chi_Minh') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    fairId = fair.id;
  });
  afterAll(() => t.close());

  const registration = (extra: Record<string, unknown>) => ({
    email: `lan.${++seq}.${Date.now().toString(36)}@phu-vinh.example`,
    password: 'May-Tre-Dan-2026',
    fullName: 'Trần Thị Lan',
    companyKind: 'exhibitor',
    companyName: `HTX Mây tre đan ${seq}`,
    ...extra,
  });
  const register = (payload: Record<string, unknown>) =>
    t.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: nextIp(),
      headers: { 'user-agent': 'Consent/1.0', 'accept-language': 'vi' },
      payload,
    });
  const login = (email: string, password: string) =>
    t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(),
      payload: { email, password },
    });
  const deleteAccount = (who: { authorization: string }, password: string) =>
    t.inject({ method: 'DELETE', url: '/api/privacy/me', headers: who, payload: { password } });
  const meeting = (ex: TestUser, bu: TestUser, start: string) =>
    t.dataSource.query(
      `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
         requester_company_id, status, time_range, expires_at)
       VALUES ($1, $2, $3, $4, $5, $2, 'accepted', tstzrange($6::timestamptz, $6::timestamptz + interval '30 minutes'),
         now() + interval '2 days') RETURNING id`,
      [fairId, bu.companyId, ex.companyId, bu.id, ex.id, start],
    );
  const contract = (ex: TestUser, bu: TestUser, number: string, total: string) =>
    t.dataSource.query(
      `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency,
         incoterm, incoterm_place, payment_terms, declared_by_company_id, total, fx_rate, fx_date, total_usd)
       VALUES ($1, $2, $3, $4, '2026-12-03', 'contract', 'USD', 'FOB', 'Hai Phong', 'lc_sight', $3, $5, 1,
         '2026-12-01', $5)`,
      [fairId, ex.companyId, bu.companyId, number, total],
    );

  describe('consent at registration', () => {
    it.each([
      ['missing', {}],
      ['refused', { acceptPrivacy: false }],
    ])('refuses a registration whose consent is %s, and stores nothing', async (_case, extra) => {
      const body = registration(extra);
      const res = await register(body);
      expect(res.statusCode).toBe(400);
      expect(json(res).code).toBe('CONSENT_REQUIRED');
      expect(json(res).message).toMatch(/quyền riêng tư/);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
        body.email,
      ]);
      expect(n).toBe(0);
    });

    it('records the version of the notice and the time of consent', async () => {
      const res = await register(registration({ acceptPrivacy: true }));
      expect(res.statusCode).toBe(201);
      const session = json<AuthSession>(res);
      const rows = await t.dataSource.query(
        `SELECT kind, version, accepted_at, user_agent FROM user_consents WHERE user_id = $1`,
        [session.user.id],
      );
      expect(rows).toEqual([
        {
          kind: 'privacy_notice',
          version: PRIVACY_NOTICE_VERSION,
          accepted_at: t.clock.now(),
          user_agent: 'Consent/1.0',
        },
      ]);
    });
  });

  describe('my data', () => {
    it("downloads the person's own data as a JSON file, and nobody else's", async () => {
      const res = await register(registration({ acceptPrivacy: true }));
      const session = json<AuthSession>(res);
      const me = { authorization: `Bearer ${session.accessToken}` };
      const userId = session.user.id;
      const companyId = session.user.company!.id;
      await t.dataSource.query(`UPDATE companies SET status = 'approved' WHERE id = $1`, [companyId]);
      const exhibitor: TestUser = { ...(await f.user()), id: userId, companyId };
      const buyer = await f.member('buyer', 'approved');
      const [own] = await meeting(exhibitor, buyer, '2026-12-03T02:00:00Z');
      const others = await f.member('exhibitor', 'approved');
      await meeting(others, buyer, '2026-12-03T03:00:00Z');
      await t.dataSource.query(
        `INSERT INTO notifications (user_id, type, data) VALUES ($1, 'meeting.accepted', '{"x":1}'), ($2, 'other', '{}')`,
        [userId, buyer.id],
      );
      await t.dataSource.query(
        `INSERT INTO inquiries (company_id, name, email, message) VALUES ($1, 'Lan', $2, 'Xin báo giá')`,
        [others.companyId, session.user.email],
      );

      const download = await t.inject({ method: 'GET', url: '/api/privacy/me', headers: me });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toBe('attachment; filename="craftmatch-my-data.json"');
      expect(download.headers['cache-control']).toBe('no-store');
      const data = json<MyDataExport>(download);
      expect(data.profile).toMatchObject({ id: userId, email: session.user.email, fullName: 'Trần Thị Lan' });
      expect(data.memberships).toEqual([
        expect.objectContaining({ companyId, companyKind: 'exhibitor', role: 'owner' }),
      ]);
      expect(data.meetings.map((m) => m.id)).toEqual([own.id]);
      expect(data.meetings[0]).toMatchObject({
        as: ['exhibitor'],
        status: 'accepted',
        start: '2026-12-03T02:00:00.000Z',
      });
      expect(data.notifications).toEqual([
        expect.objectContaining({ type: 'meeting.accepted', data: { x: 1 } }),
      ]);
      expect(data.inquiries).toEqual([
        expect.objectContaining({ companyId: others.companyId, message: 'Xin báo giá' }),
      ]);
      expect(data.sessions).toHaveLength(1);
      expect(data.consents).toEqual([
        { kind: 'privacy_notice', version: PRIVACY_NOTICE_VERSION, acceptedAt: t.clock.now().toISOString() },
      ]);
      expect((await t.inject({ method: 'GET', url: '/api/privacy/me' })).statusCode).toBe(401);
    });
  });

  describe('account deletion', () => {
    it('needs the password, and a wrong one changes nothing', async () => {
      const user = await f.member('buyer', 'approved');
      const res = await deleteAccount(user.auth, 'not-the-password-1');
      expect(res.statusCode).toBe(403);
      expect(json(res).code).toBe('PASSWORD_INCORRECT');
      expect((await login(user.email, user.password)).statusCode).toBe(200);
      const missing = await t.inject({
        method: 'DELETE',
        url: '/api/privacy/me',
        headers: user.auth,
        payload: {},
      });
      expect(missing.statusCode).toBe(400);
    });

    it('erases the person, keeps the meetings and contracts (totals unchanged), and the account cannot sign in', async () => {
      const exhibitor = await f.member('exhibitor', 'approved');
      const buyer = await f.member('buyer', 'approved');
      const organizer = await f.organizer();
      await meeting(exhibitor, buyer, '2026-12-04T02:00:00Z');
      await contract(exhibitor, buyer, `HD-${++seq}`, '1234.5000');
      await contract(exhibitor, buyer, `HD-${++seq}`, '100.2500');
      const totalBefore = await t.dataSource.query(
        `SELECT sum(total)::text AS total, count(*)::int AS n FROM contracts WHERE buyer_company_id = $1`,
        [buyer.companyId],
      );
      const signedIn = await login(buyer.email, buyer.password);
      const cookie = signedIn.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
      await t.dataSource.query(`INSERT INTO notifications (user_id, type) VALUES ($1, 'x')`, [buyer.id]);

      const res = await deleteAccount(buyer.auth, buyer.password);
      expect(res.statusCode).toBe(204);
      expect(res.cookies.find((c) => c.name === REFRESH_COOKIE)?.value).toBe('');

      // cannot sign in, the old session is gone
      const again = await login(buyer.email, buyer.password);
      expect(again.statusCode).toBe(401);
      expect(json(again).code).toBe('INVALID_CREDENTIALS');
      const refreshed = await t.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        remoteAddress: nextIp(),
        cookies: { [REFRESH_COOKIE]: cookie },
      });
      expect(refreshed.statusCode).toBe(401);
      expect((await login(tombstoneEmail(buyer.id), buyer.password)).statusCode).toBe(401);

      // the person is gone from the row and every table of theirs
      const [user] = await t.dataSource.query(
        `SELECT email, full_name, deleted_at FROM users WHERE id = $1`,
        [buyer.id],
      );
      expect(user).toMatchObject({ email: tombstoneEmail(buyer.id), full_name: DELETED_NAME });
      expect(user.deleted_at).not.toBeNull();
      for (const table of ['company_memberships', 'refresh_tokens', 'notifications', 'user_consents']) {
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`,
          [buyer.id],
        );
        expect({ table, n }).toEqual({ table, n: 0 });
      }

      // the business records stay, totals unchanged, and show no personal data
      const totalAfter = await t.dataSource.query(
        `SELECT sum(total)::text AS total, count(*)::int AS n FROM contracts WHERE buyer_company_id = $1`,
        [buyer.companyId],
      );
      expect(totalAfter).toEqual(totalBefore);
      expect(totalAfter[0]).toEqual({ total: '1334.7500', n: 2 });
      const csv = await t.inject({
        method: 'GET',
        url: `/api/exports/meetings?fairId=${fairId}&format=csv`,
        headers: organizer.auth,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toContain(buyer.email);
      const [company] = await t.dataSource.query(`SELECT status FROM companies WHERE id = $1`, [
        buyer.companyId,
      ]);
      expect(company.status).toBe('approved');
    });

    it('hands the company to its longest-standing member when its last owner leaves', async () => {
      const owner = await f.member('exhibitor', 'approved');
      const first = await f.user({ role: 'exhibitor', companyId: owner.companyId!, membership: 'staff' });
      await f.user({ role: 'exhibitor', companyId: owner.companyId!, membership: 'staff' });
      await t.dataSource.query(
        `UPDATE company_memberships SET created_at = now() - interval '1 day' WHERE user_id = $1`,
        [first.id],
      );
      expect((await deleteAccount(owner.auth, owner.password)).statusCode).toBe(204);
      const members = await t.dataSource.query(
        `SELECT user_id, role FROM company_memberships WHERE company_id = $1 ORDER BY role`,
        [owner.companyId],
      );
      expect(members).toHaveLength(2);
      expect(members[0]).toEqual({ user_id: first.id, role: 'owner' });
      expect(members[1].role).toBe('staff');
    });

    it('acts on the caller only: a deleted account cannot be deleted again, others are untouched', async () => {
      const a = await f.member('buyer', 'approved');
      const b = await f.member('buyer', 'approved');
      expect((await deleteAccount(a.auth, a.password)).statusCode).toBe(204);
      expect((await deleteAccount(a.auth, a.password)).statusCode).toBe(401);
      expect((await t.inject({ method: 'GET', url: '/api/privacy/me', headers: a.auth })).statusCode).toBe(
        401,
      );
      // the access token still inside its lifetime cannot put a name back on the tombstone
      const rename = await t.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        headers: a.auth,
        payload: { fullName: 'Tên Mới' },
      });
      expect(rename.statusCode).toBe(401);
      const [row] = await t.dataSource.query(`SELECT full_name FROM users WHERE id = $1`, [a.id]);
      expect(row.full_name).toBe(DELETED_NAME);
      expect((await login(b.email, b.password)).statusCode).toBe(200);
    });
  });
});
