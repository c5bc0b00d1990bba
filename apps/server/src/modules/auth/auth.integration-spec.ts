import type { LightMyRequestResponse } from 'fastify';
import { REFRESH_COOKIE, type AuthSession, type Me, type RegisterRequest } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { DAY } from '../../../test/clock';
import { Factory } from '../../../test/factories';
import { hashToken } from './tokens';

let seq = 0;
/** Each test speaks from its own address, so per-IP counters never leak between tests. */
const nextIp = () => `10.1.0.${++seq}`;

function registration(
  overrides: Partial<RegisterRequest> & Record<string, unknown> = {},
): Record<string, unknown> {
  const n = ++seq;
  return {
    email: `minh.${n}.${Date.now().toString(36)}@lang-nghe.example`,
    password: 'Gom-ChuDau-2026!',
    fullName: 'Lê Văn Minh',
    companyKind: 'exhibitor',
    companyName: `Gốm Chu Đậu ${n}`,
    countryCode: 'VN',
    acceptPrivacy: true,
    ...overrides,
  };
}

function cookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === REFRESH_COOKIE);
}

describe('auth: registration, sign-in and sessions', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_ACCOUNT: '3', RATE_LIMIT_LOGIN_PER_IP: '6' } });
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, ip: string, headers: Record<string, string> = {}) =>
    t.inject({
      method: 'POST',
      url,
      payload: payload as Record<string, unknown>,
      remoteAddress: ip,
      headers,
    });
  const refresh = (token: string | undefined, ip: string) =>
    t.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      remoteAddress: ip,
      cookies: token ? { [REFRESH_COOKIE]: token } : {},
    });

  it('registers a user with a pending company, signs them in and mails a verification link in their language', async () => {
    const organizer = await f.organizer();
    const body = registration({ email: '  Minh.Owner@Lang-Nghe.Example ' });
    const res = await post('/api/auth/register', body, nextIp(), { 'accept-language': 'en-GB,en;q=0.9' });
    expect(res.statusCode).toBe(201);
    const session = json<AuthSession>(res);
    expect(session.expiresIn).toBe(t.config.accessTokenTtl);
    expect(session.user).toMatchObject({
      email: 'minh.owner@lang-nghe.example',
      fullName: 'Lê Văn Minh',
      role: 'exhibitor',
      locale: 'en',
      emailVerified: false,
      company: {
        name: body.companyName,
        kind: 'exhibitor',
        status: 'pending',
        statusReason: null,
        membershipRole: 'owner',
      },
    });

    const cookie = cookieOf(res);
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/api/auth',
      maxAge: 30 * 24 * 3600,
    });
    expect(cookie?.secure).toBeFalsy();
    const [stored] = await t.dataSource.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [
      session.user.id,
    ]);
    // Only the hash is stored.
    expect(stored.token_hash).toBe(hashToken(cookie?.value as string));

    // A pending company signs in and sees its status.
    const me = await t.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(json<Me>(me)).toEqual(session.user);

    const [company] = await t.dataSource.query(`SELECT status, country_code FROM companies WHERE id = $1`, [
      session.user.company?.id,
    ]);
    expect(company).toEqual({ status: 'pending', country_code: 'VN' });

    const mail = await t.dataSource.query(
      `SELECT locale, template, subject, text_body FROM mail_outbox WHERE to_address = $1`,
      ['minh.owner@lang-nghe.example'],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      locale: 'en',
      template: 'verifyEmail',
      subject: 'Confirm your e-mail address for CraftMatch',
    });
    expect(mail[0].text_body).toMatch(/http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}/);
    expect(mail[0].text_body).toContain('48 hours');

    const notes = await t.dataSource.query(`SELECT type, data FROM notifications WHERE user_id = $1`, [
      organizer.id,
    ]);
    expect(notes).toEqual([
      { type: 'company.registered', data: { companyName: body.companyName, kind: 'exhibitor' } },
    ]);
  });

  it('writes the verification mail in the language chosen in the form, over Accept-Language', async () => {
    const body = registration({ locale: 'vi', companyKind: 'buyer' });
    const res = await post('/api/auth/register', body, nextIp(), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(201);
    expect(json<AuthSession>(res).user).toMatchObject({
      locale: 'vi',
      role: 'buyer',
      company: { kind: 'buyer' },
    });
    const [mail] = await t.dataSource.query(`SELECT subject FROM mail_outbox WHERE to_address = $1`, [
      body.email,
    ]);
    expect(mail.subject).toBe('Xác nhận địa chỉ e-mail của bạn trên CraftMatch');
  });

  it('refuses a duplicate e-mail, whatever its case, with 409 EMAIL_TAKEN and nothing half-written', async () => {
    const first = registration();
    expect((await post('/api/auth/register', first, nextIp())).statusCode).toBe(201);
    const [{ count: usersBefore }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users`);

    const again = registration({ email: ` ${String(first.email).toUpperCase()} ` });
    const res = await post('/api/auth/register', again, nextIp(), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({
      code: 'EMAIL_TAKEN',
      details: {
        fields: { email: 'EMAIL_TAKEN' },
        messages: { email: 'An account with this e-mail already exists.' },
      },
    });
    const [{ count: usersAfter }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users`);
    expect(usersAfter).toBe(usersBefore);
    const companies = await t.dataSource.query(`SELECT id FROM companies WHERE name = $1`, [
      again.companyName,
    ]);
    expect(companies).toEqual([]);
  });

  it('lets exactly one of two simultaneous sign-ups with one e-mail through', async () => {
    const email = `race.${Date.now().toString(36)}@lang-nghe.example`;
    const [a, b] = await Promise.all([
      post('/api/auth/register', registration({ email }), nextIp()),
      post('/api/auth/register', registration({ email }), nextIp()),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(json(a.statusCode === 409 ? a : b).code).toBe('EMAIL_TAKEN');
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM companies c JOIN company_memberships m ON m.company_id = c.id
         JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [email],
    );
    expect(count).toBe(1);
    const [{ orphans }] = await t.dataSource.query(
      `SELECT count(*)::int AS orphans FROM companies c WHERE NOT EXISTS (SELECT 1 FROM company_memberships m WHERE m.company_id = c.id)`,
    );
    expect(orphans).toBe(0);
  });

  it('refuses weak passwords with the WEAK_PASSWORD field code', async () => {
    const ip = nextIp();
    for (const password of ['short1!', 'password-2026-x', 'abcdefghijkl', 'minh.chudau-2026']) {
      const body = registration({ password, email: `minh.chudau@lang-nghe.example` });
      const res = await post('/api/auth/register', body, ip);
      expect(res.statusCode).toBe(400);
      expect(json(res)).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { password: 'WEAK_PASSWORD' } },
      });
    }
    const users = await t.dataSource.query(
      `SELECT id FROM users WHERE email = 'minh.chudau@lang-nghe.example'`,
    );
    expect(users).toEqual([]);
  });

  it('refuses unknown fields, missing fields and organizer accounts', async () => {
    const ip = nextIp();
    const unknown = await post('/api/auth/register', registration({ role: 'organizer' }), ip);
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { role: 'UNKNOWN_FIELD' } },
    });

    const organizer = await post(
      '/api/auth/register',
      registration({ companyKind: 'organizer' as never }),
      ip,
    );
    expect(organizer.statusCode).toBe(400);
    expect(json(organizer)).toMatchObject({ details: { fields: { companyKind: 'INVALID_VALUE' } } });

    const missing = await post(
      '/api/auth/register',
      { email: 'not-an-email', password: 'Gom-ChuDau-2026!' },
      ip,
    );
    expect(missing.statusCode).toBe(400);
    expect(json(missing)).toMatchObject({
      details: {
        fields: {
          email: 'INVALID_EMAIL',
          fullName: 'REQUIRED',
          companyKind: 'REQUIRED',
          companyName: 'REQUIRED',
        },
      },
    });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM users WHERE role = 'organizer' AND email LIKE 'minh.%'`,
    );
    expect(count).toBe(0);
  });

  it('signs in with the right password; a wrong password and an unknown e-mail get the same 401', async () => {
    const user = await f.member('buyer', 'pending');
    const ip = nextIp();
    const ok = await post(
      '/api/auth/login',
      { email: ` ${user.email.toUpperCase()} `, password: user.password },
      ip,
    );
    expect(ok.statusCode).toBe(200);
    const session = json<AuthSession>(ok);
    expect(session.user).toMatchObject({
      id: user.id,
      role: 'buyer',
      company: { id: user.companyId, status: 'pending' },
    });
    expect(cookieOf(ok)?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await t.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(json<Me>(me).id).toBe(user.id);

    const wrong = await post('/api/auth/login', { email: user.email, password: 'Not-The-Password-1' }, ip, {
      'accept-language': 'en',
    });
    const unknown = await post(
      '/api/auth/login',
      { email: 'nobody@nowhere.example', password: 'Not-The-Password-1' },
      ip,
      {
        'accept-language': 'en',
      },
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong)).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'The e-mail or password is incorrect.',
      details: {},
    });
    expect(unknown.body).toBe(wrong.body);
    expect(cookieOf(wrong)).toBeUndefined();
  });

  it('rotates the refresh token on every use; replaying a used one revokes the whole family', async () => {
    const user = await f.member('exhibitor', 'approved');
    const ip = nextIp();
    const login = await post('/api/auth/login', { email: user.email, password: user.password }, ip);
    const first = cookieOf(login)?.value;

    const r1 = await refresh(first, ip);
    expect(r1.statusCode).toBe(200);
    const second = cookieOf(r1)?.value;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const s1 = json<AuthSession>(r1);
    expect(s1.user).toMatchObject({ id: user.id, company: { id: user.companyId, status: 'approved' } });
    const me = await t.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${s1.accessToken}` },
    });
    expect(me.statusCode).toBe(200);

    const r2 = await refresh(second, ip);
    expect(r2.statusCode).toBe(200);
    const third = cookieOf(r2)?.value;
    expect(new Set([first, second, third]).size).toBe(3);

    // The first token, already traded in, comes back: treat it as stolen.
    const replay = await refresh(first, ip);
    expect(replay.statusCode).toBe(401);
    expect(json(replay).code).toBe('REFRESH_REUSED');
    expect(cookieOf(replay)?.value).toBe('');

    const newest = await refresh(third, ip);
    expect(newest.statusCode).toBe(401);
    expect(json(newest).code).toBe('REFRESH_INVALID');
    const live = await t.dataSource.query(
      `SELECT id FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    );
    expect(live).toEqual([]);
  });

  it('gives one of two simultaneous refreshes with the same token a new session, and the other REFRESH_REUSED', async () => {
    const user = await f.member('exhibitor', 'approved');
    const ip = nextIp();
    const token = cookieOf(
      await post('/api/auth/login', { email: user.email, password: user.password }, ip),
    )?.value;
    const results = await Promise.all([refresh(token, ip), refresh(token, ip)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    expect(json(results.find((r) => r.statusCode === 401) as LightMyRequestResponse).code).toBe(
      'REFRESH_REUSED',
    );
  });

  it('answers REFRESH_INVALID without a cookie, with a forged one, and once the token has expired', async () => {
    const ip = nextIp();
    for (const token of [undefined, 'forged', 'A'.repeat(43)]) {
      const res = await refresh(token, ip);
      expect(res.statusCode).toBe(401);
      expect(json(res).code).toBe('REFRESH_INVALID');
    }
    const user = await f.member('exhibitor', 'approved');
    const token = cookieOf(
      await post('/api/auth/login', { email: user.email, password: user.password }, ip),
    )?.value;
    t.clock.advance(30 * DAY + 1000);
    const expired = await refresh(token, ip);
    expect(expired.statusCode).toBe(401);
    expect(json(expired).code).toBe('REFRESH_INVALID');
  });

  it('signs out: 204, the cookie is cleared and the family can no longer refresh', async () => {
    const user = await f.member('buyer', 'approved');
    const ip = nextIp();
    const login = await post('/api/auth/login', { email: user.email, password: user.password }, ip);
    const rotated = cookieOf(await refresh(cookieOf(login)?.value, ip))?.value;
    const out = await t.inject({
      method: 'POST',
      url: '/api/auth/logout',
      remoteAddress: ip,
      cookies: { [REFRESH_COOKIE]: rotated as string },
    });
    expect(out.statusCode).toBe(204);
    expect(cookieOf(out)).toMatchObject({ value: '', path: '/api/auth' });
    const after = await refresh(rotated, ip);
    expect(after.statusCode).toBe(401);
    expect(json(after).code).toBe('REFRESH_INVALID');
    // Signing out twice, or without a cookie, is harmless.
    expect((await t.inject({ method: 'POST', url: '/api/auth/logout', remoteAddress: ip })).statusCode).toBe(
      204,
    );
  });

  it('reads and updates the profile; needs a token', async () => {
    const user = await f.user({ role: 'organizer_staff', locale: 'vi' });
    const patch = await t.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: user.auth,
      payload: { fullName: '  Phạm Thị Mai  ', locale: 'en' },
    });
    expect(patch.statusCode).toBe(200);
    expect(json<Me>(patch)).toMatchObject({
      fullName: 'Phạm Thị Mai',
      locale: 'en',
      role: 'organizer_staff',
      company: null,
    });

    const bad = await t.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: user.auth,
      payload: { locale: 'fr', role: 'organizer' },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({
      details: { fields: { locale: 'INVALID_VALUE', role: 'UNKNOWN_FIELD' } },
    });

    const anonymous = await t.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(json(anonymous).code).toBe('UNAUTHENTICATED');
  });

  it('limits sign-in attempts per account with 429 and Retry-After, even with the right password; success resets the count', async () => {
    const user = await f.member('exhibitor', 'approved');
    const ip = nextIp();
    const attempt = (password: string) => post('/api/auth/login', { email: user.email, password }, ip);

    // Two misses, then a success: the counter starts over.
    expect((await attempt('Wrong-Password-1')).statusCode).toBe(401);
    expect((await attempt('Wrong-Password-1')).statusCode).toBe(401);
    expect((await attempt(user.password)).statusCode).toBe(200);

    for (let i = 0; i < 3; i++) expect((await attempt('Wrong-Password-1')).statusCode).toBe(401);
    const blocked = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(), // another address: the limit follows the account
      payload: { email: user.email.toUpperCase(), password: user.password },
      headers: { 'accept-language': 'en' },
    });
    expect(blocked.statusCode).toBe(429);
    const body = json<{ code: string; message: string; details: { retryAfter: number } }>(blocked);
    expect(body.code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(body.details.retryAfter).toBe(retryAfter);
    expect(body.message).toContain(`${retryAfter} seconds`);
  });

  it('limits sign-in attempts per address across accounts', async () => {
    const ip = nextIp();
    for (let i = 0; i < 6; i++) {
      const res = await post(
        '/api/auth/login',
        { email: `guess.${i}@nowhere.example`, password: 'Wrong-Password-1' },
        ip,
      );
      expect(res.statusCode).toBe(401);
    }
    const blocked = await post(
      '/api/auth/login',
      { email: 'guess.7@nowhere.example', password: 'Wrong-Password-1' },
      ip,
    );
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked).code).toBe('RATE_LIMITED');
    const elsewhere = await post(
      '/api/auth/login',
      { email: 'guess.8@nowhere.example', password: 'Wrong-Password-1' },
      nextIp(),
    );
    expect(elsewhere.statusCode).toBe(401);
  });
});
