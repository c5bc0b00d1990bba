import {
  PRIVACY_NOTICE_VERSION,
  REFRESH_COOKIE,
  type AppNotification,
  type AuthSession,
  type Invitation,
  type InvitationPreview,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { DAY, MINUTE } from '../../../test/clock';
import { Factory, type TestUser } from '../../../test/factories';
import { hashToken } from '../auth';

let seq = 0;
const nextIp = () => `10.3.0.${++seq}`;
const newEmail = (name: string) => `${name}.${++seq}.${Date.now().toString(36)}@invite.example`;

describe('invitations: company colleagues and organizer staff', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  /** The token from the newest invitation mailed to this address. */
  async function inviteToken(to: string): Promise<string> {
    const [mail] = await t.dataSource.query(
      `SELECT text_body FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC, id LIMIT 1`,
      [to],
    );
    const match = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail?.text_body ?? '');
    if (!match) throw new Error(`no invitation mailed to ${to}`);
    return match[1];
  }

  async function invite(member: TestUser, email: string, locale?: 'vi' | 'en') {
    return t.inject({
      method: 'POST',
      url: `/api/companies/${member.companyId}/invitations`,
      headers: member.auth,
      payload: locale ? { email, locale } : { email },
    });
  }

  const accept = (token: string, fullName = 'Đỗ Thị Hương', password = 'Non-La-Hue-2026') =>
    t.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      remoteAddress: nextIp(),
      payload: { token, fullName, password, acceptPrivacy: true },
    });

  it('lets a member invite a colleague: mail in the chosen language, listed for the company', async () => {
    const owner = await f.user({
      role: 'exhibitor',
      companyId: await f.company({ name: 'Lụa Vạn Phúc' }),
      fullName: 'Nguyễn Văn Phúc',
    });
    const email = newEmail('huong');
    const res = await invite(owner, `  ${email.toUpperCase()} `, 'en');
    expect(res.statusCode).toBe(201);
    const invitation = json<Invitation>(res);
    expect(invitation).toMatchObject({ email, companyId: owner.companyId, role: 'staff', acceptedAt: null });
    expect(new Date(invitation.expiresAt).getTime() - t.clock.now().getTime()).toBe(7 * DAY);

    const [mail] = await t.dataSource.query(
      `SELECT locale, template, subject, text_body FROM mail_outbox WHERE to_address = $1`,
      [email],
    );
    expect(mail).toMatchObject({
      locale: 'en',
      template: 'invitation',
      subject: 'Nguyễn Văn Phúc invites you to join Lụa Vạn Phúc on CraftMatch',
    });
    expect(mail.text_body).toMatch(/http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}/);
    const [stored] = await t.dataSource.query(`SELECT token_hash FROM invitations WHERE id = $1`, [
      invitation.id,
    ]);
    expect(stored.token_hash).toBe(hashToken(await inviteToken(email)));

    // Without a language in the form, the inviter's own (Vietnamese here) is used.
    const other = newEmail('tuan');
    t.clock.advance(MINUTE);
    expect((await invite(owner, other)).statusCode).toBe(201);
    const [vi] = await t.dataSource.query(`SELECT subject FROM mail_outbox WHERE to_address = $1`, [other]);
    expect(vi.subject).toBe('Nguyễn Văn Phúc mời bạn tham gia Lụa Vạn Phúc trên CraftMatch');

    const list = await t.inject({
      method: 'GET',
      url: `/api/companies/${owner.companyId}/invitations`,
      headers: owner.auth,
    });
    expect(list.statusCode).toBe(200);
    expect(json<Invitation[]>(list).map((i) => i.email)).toEqual([other, email]);
  });

  it("refuses a member of company A on company B's invitations", async () => {
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    const post = await t.inject({
      method: 'POST',
      url: `/api/companies/${b.companyId}/invitations`,
      headers: a.auth,
      payload: { email: newEmail('intruder') },
    });
    expect(post.statusCode).toBe(403);
    expect(json(post).code).toBe('FORBIDDEN');
    const list = await t.inject({
      method: 'GET',
      url: `/api/companies/${b.companyId}/invitations`,
      headers: a.auth,
    });
    expect(list.statusCode).toBe(403);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM invitations WHERE company_id = $1`,
      [b.companyId],
    );
    expect(count).toBe(0);

    const organizer = await f.organizer();
    const byOrganizer = await t.inject({
      method: 'POST',
      url: `/api/companies/${b.companyId}/invitations`,
      headers: organizer.auth,
      payload: { email: newEmail('x') },
    });
    expect(byOrganizer.statusCode).toBe(403);
    const badId = await t.inject({
      method: 'GET',
      url: '/api/companies/not-a-uuid/invitations',
      headers: a.auth,
    });
    expect(badId.statusCode).toBe(400);
    expect(json(badId)).toMatchObject({ details: { fields: { id: 'INVALID_UUID' } } });
  });

  it('lets only the organizer invite staff: exhibitors and organizer staff get 403', async () => {
    const exhibitor = await f.member('exhibitor', 'approved');
    const staff = await f.user({ role: 'organizer_staff' });
    for (const user of [exhibitor, staff]) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/staff/invitations',
        headers: user.auth,
        payload: { email: newEmail('interp'), role: 'interpreter' },
      });
      expect(res.statusCode).toBe(403);
      expect(json(res).code).toBe('FORBIDDEN');
    }
    const anonymous = await t.inject({
      method: 'POST',
      url: '/api/staff/invitations',
      payload: { email: newEmail('a'), role: 'interpreter' },
    });
    expect(anonymous.statusCode).toBe(401);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM invitations WHERE company_id IS NULL`,
    );
    expect(count).toBe(0);
  });

  it('accepting a company invitation creates a verified colleague, tells the members, and works once', async () => {
    const owner = await f.member('buyer', 'approved');
    const colleague = await f.user({
      role: 'buyer',
      companyId: owner.companyId as string,
      membership: 'staff',
    });
    const [{ name: companyName }] = await t.dataSource.query(`SELECT name FROM companies WHERE id = $1`, [
      owner.companyId,
    ]);
    const email = newEmail('huong');
    await invite(owner, email);
    const token = await inviteToken(email);

    const preview = await t.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.statusCode).toBe(200);
    expect(json<InvitationPreview>(preview)).toMatchObject({
      email,
      companyName,
      role: 'staff',
      inviterName: 'Nguyễn Văn Test',
    });

    const res = await accept(token, '  Đỗ Thị Hương ');
    expect(res.statusCode).toBe(201);
    const session = json<AuthSession>(res);
    expect(session.user).toMatchObject({
      email,
      fullName: 'Đỗ Thị Hương',
      role: 'buyer',
      emailVerified: true,
      locale: 'vi',
      company: { id: owner.companyId, membershipRole: 'staff', status: 'approved' },
    });
    expect(res.cookies.find((c) => c.name === REFRESH_COOKIE)).toMatchObject({
      httpOnly: true,
      path: '/api/auth',
    });
    const me = await t.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.statusCode).toBe(200);

    for (const member of [owner, colleague]) {
      const list = json<{ items: AppNotification[] }>(
        await t.inject({ method: 'GET', url: '/api/notifications', headers: member.auth }),
      );
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({
        type: 'member.joined',
        data: { fullName: 'Đỗ Thị Hương', companyName },
      });
    }
    const own = json<{ items: AppNotification[] }>(
      await t.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: { authorization: `Bearer ${session.accessToken}` },
      }),
    );
    expect(own.items).toEqual([]);

    const invitations = json<Invitation[]>(
      await t.inject({
        method: 'GET',
        url: `/api/companies/${owner.companyId}/invitations`,
        headers: owner.auth,
      }),
    );
    expect(invitations[0].acceptedAt).not.toBeNull();

    const again = await accept(token, 'Kẻ Gian', 'Another-Good-One-7');
    expect(again.statusCode).toBe(400);
    expect(json(again).code).toBe('TOKEN_USED');
    const previewAgain = await t.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(json(previewAgain).code).toBe('TOKEN_USED');
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM company_memberships WHERE company_id = $1`,
      [owner.companyId],
    );
    expect(count).toBe(3);
  });

  it('lets an invitation expire after 7 days', async () => {
    const owner = await f.member('exhibitor', 'pending');
    const email = newEmail('late');
    await invite(owner, email);
    const token = await inviteToken(email);
    t.clock.advance(7 * DAY + MINUTE);
    const preview = await t.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.statusCode).toBe(400);
    expect(json(preview).code).toBe('TOKEN_EXPIRED');
    const res = await accept(token);
    expect(res.statusCode).toBe(400);
    expect(json(res).code).toBe('TOKEN_EXPIRED');
    const users = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
    expect(users).toEqual([]);
  });

  it('asks for consent to the privacy notice before the account exists, and records it', async () => {
    const owner = await f.member('exhibitor', 'approved');
    const email = newEmail('consent');
    await invite(owner, email);
    const token = await inviteToken(email);
    const refused = await t.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      remoteAddress: nextIp(),
      payload: { token, fullName: 'Đỗ Thị Hương', password: 'Non-La-Hue-2026', acceptPrivacy: false },
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).code).toBe('CONSENT_REQUIRED');
    expect(await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email])).toEqual([]);

    const res = await accept(token);
    expect(res.statusCode).toBe(201);
    const consents = await t.dataSource.query(
      `SELECT c.kind, c.version FROM user_consents c JOIN users u ON u.id = c.user_id WHERE u.email = $1`,
      [email],
    );
    expect(consents).toEqual([{ kind: 'privacy_notice', version: PRIVACY_NOTICE_VERSION }]);
  });

  it('refuses an e-mail that already has an account (409 EMAIL_TAKEN), a weak password and a made-up token', async () => {
    const owner = await f.member('exhibitor', 'approved');
    const existing = await f.user({ role: 'buyer' });
    await invite(owner, existing.email);
    const taken = await accept(await inviteToken(existing.email));
    expect(taken.statusCode).toBe(409);
    expect(json(taken)).toMatchObject({ code: 'EMAIL_TAKEN', details: { fields: { email: 'EMAIL_TAKEN' } } });

    const email = newEmail('weak');
    await invite(owner, email);
    const token = await inviteToken(email);
    const weak = await accept(token, 'Võ Văn Yếu', 'abc');
    expect(weak.statusCode).toBe(400);
    expect(json(weak)).toMatchObject({ details: { fields: { password: 'WEAK_PASSWORD' } } });
    // The refused attempt did not spend the invitation.
    expect((await accept(token, 'Võ Văn Mạnh', 'Trong-Dong-Son-2026')).statusCode).toBe(201);

    const bogus = await accept('C'.repeat(43));
    expect(bogus.statusCode).toBe(400);
    expect(json(bogus).code).toBe('TOKEN_INVALID');
    const unknownField = await t.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, fullName: 'X Y', password: 'Trong-Dong-Son-2026', role: 'organizer' },
    });
    expect(json(unknownField)).toMatchObject({ details: { fields: { role: 'UNKNOWN_FIELD' } } });
  });

  it('lets the organizer invite an interpreter, who joins with that role and no company', async () => {
    const organizer = await f.user({ role: 'organizer', locale: 'en', fullName: 'Nguyễn Thu Hà' });
    const email = newEmail('interpreter');
    const res = await t.inject({
      method: 'POST',
      url: '/api/staff/invitations',
      headers: organizer.auth,
      payload: { email, fullName: 'Kim Min-jun', role: 'interpreter', locale: 'vi' },
    });
    expect(res.statusCode).toBe(201);
    expect(json<Invitation>(res)).toMatchObject({ email, companyId: null, role: 'interpreter' });
    const [mail] = await t.dataSource.query(
      `SELECT template, subject, text_body FROM mail_outbox WHERE to_address = $1`,
      [email],
    );
    expect(mail.template).toBe('staffInvitation');
    expect(mail.subject).toBe('Bạn được mời tham gia CraftMatch với vai trò phiên dịch viên');
    expect(mail.text_body).toContain('Xin chào Kim Min-jun,');

    const bad = await t.inject({
      method: 'POST',
      url: '/api/staff/invitations',
      headers: organizer.auth,
      payload: { email: newEmail('x'), role: 'exhibitor' },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ details: { fields: { role: 'INVALID_VALUE' } } });

    const token = await inviteToken(email);
    const preview = json<InvitationPreview>(
      await t.inject({ method: 'GET', url: `/api/invitations/${token}` }),
    );
    expect(preview).toMatchObject({ companyName: null, role: 'interpreter', inviterName: 'Nguyễn Thu Hà' });
    const accepted = await accept(token, 'Kim Min-jun', 'Phien-Dich-Seoul-26');
    expect(accepted.statusCode).toBe(201);
    expect(json<AuthSession>(accepted).user).toMatchObject({
      role: 'interpreter',
      company: null,
      emailVerified: true,
      locale: 'vi',
    });
  });
});
