import type { LightMyRequestResponse } from 'fastify';
import { REFRESH_COOKIE, type AuthSession, type Me } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { HOUR, MINUTE } from '../../../test/clock';
import { Factory } from '../../../test/factories';

let seq = 0;
const nextIp = () => `10.2.0.${++seq}`;

function cookieOf(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === REFRESH_COOKIE)?.value;
}

describe('auth: e-mail verification and password reset links', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_RESET_PER_IP: '3' } });
    f = new Factory(t);
  });
  afterAll(() => t.close());

  /** The token from the newest mail of this template sent to this address. */
  async function linkToken(to: string, template: string): Promise<string> {
    const [mail] = await t.dataSource.query(
      `SELECT text_body FROM mail_outbox WHERE to_address = $1 AND template = $2 ORDER BY created_at DESC, id LIMIT 1`,
      [to, template],
    );
    const match = /[?&]token=([A-Za-z0-9_-]{43})/.exec(mail?.text_body ?? '');
    if (!match) throw new Error(`no ${template} link mailed to ${to}`);
    return match[1];
  }

  async function register(): Promise<AuthSession> {
    const n = ++seq;
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: nextIp(),
      payload: {
        email: `lan.${n}.${Date.now().toString(36)}@phu-vinh.example`,
        password: 'May-Tre-Dan-2026',
        fullName: 'Trần Thị Lan',
        companyKind: 'exhibitor',
        companyName: `HTX Mây tre đan ${n}`,
        acceptPrivacy: true,
      },
    });
    expect(res.statusCode).toBe(201);
    return json<AuthSession>(res);
  }

  const verify = (token: string) =>
    t.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
  const me = async (session: AuthSession) =>
    json<Me>(
      await t.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${session.accessToken}` },
      }),
    );

  it('verifies the e-mail address once; a second use is TOKEN_USED and a made-up token TOKEN_INVALID', async () => {
    const session = await register();
    const token = await linkToken(session.user.email, 'verifyEmail');
    const first = await verify(token);
    expect(first.statusCode).toBe(204);
    expect((await me(session)).emailVerified).toBe(true);

    const second = await verify(token);
    expect(second.statusCode).toBe(400);
    expect(json(second).code).toBe('TOKEN_USED');

    for (const bogus of ['nope', 'B'.repeat(43)]) {
      const res = await verify(bogus);
      expect(res.statusCode).toBe(400);
      expect(json(res).code).toBe('TOKEN_INVALID');
    }
  });

  it('lets a verification link expire after 48 hours; a resent one works', async () => {
    const session = await register();
    const stale = await linkToken(session.user.email, 'verifyEmail');
    t.clock.advance(48 * HOUR + MINUTE);
    const expired = await verify(stale);
    expect(expired.statusCode).toBe(400);
    expect(json(expired).code).toBe('TOKEN_EXPIRED');

    // The session's access token aged with the clock: sign in again and ask for a new link.
    const login = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(),
      payload: { email: session.user.email, password: 'May-Tre-Dan-2026' },
    });
    const again = json<AuthSession>(login);
    expect(again.user.emailVerified).toBe(false);
    const resend = await t.inject({
      method: 'POST',
      url: '/api/auth/verify-email/resend',
      headers: { authorization: `Bearer ${again.accessToken}` },
    });
    expect(resend.statusCode).toBe(204);
    const fresh = await linkToken(session.user.email, 'verifyEmail');
    expect(fresh).not.toBe(stale);
    expect((await verify(fresh)).statusCode).toBe(204);
    expect((await me(again)).emailVerified).toBe(true);
    expect(json(await verify(stale)).code).toBe('TOKEN_EXPIRED');
  });

  it('sends no new link to an address already verified', async () => {
    const user = await f.user({ verified: true });
    const res = await t.inject({ method: 'POST', url: '/api/auth/verify-email/resend', headers: user.auth });
    expect(res.statusCode).toBe(204);
    const mail = await t.dataSource.query(`SELECT id FROM mail_outbox WHERE to_address = $1`, [user.email]);
    expect(mail).toEqual([]);
    const anonymous = await t.inject({ method: 'POST', url: '/api/auth/verify-email/resend' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 204 to a reset request for known and unknown addresses alike, mailing only the real account, in its language', async () => {
    const user = await f.user({ locale: 'vi' });
    const ip = nextIp();
    const known = await t.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      remoteAddress: ip,
      payload: { email: ` ${user.email.toUpperCase()}` },
    });
    const unknown = await t.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      remoteAddress: ip,
      payload: { email: 'ghost@nowhere.example' },
    });
    expect(known.statusCode).toBe(204);
    expect(unknown.statusCode).toBe(204);
    expect(unknown.body).toBe(known.body);

    const mail = await t.dataSource.query(
      `SELECT to_address, subject, text_body FROM mail_outbox WHERE template = 'resetPassword' AND to_address IN ($1, 'ghost@nowhere.example')`,
      [user.email],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Đặt lại mật khẩu CraftMatch');
    expect(mail[0].text_body).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(mail[0].text_body).toContain('60 phút');
  });

  it('resets the password once: old sessions die, the old password stops working, the link cannot be reused', async () => {
    const user = await f.member('exhibitor', 'approved');
    const ip = nextIp();
    const login = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { email: user.email, password: user.password },
    });
    const oldRefresh = cookieOf(login) as string;

    await t.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      remoteAddress: ip,
      payload: { email: user.email },
    });
    const token = await linkToken(user.email, 'resetPassword');

    const weak = await t.inject({
      method: 'POST',
      url: '/api/auth/password/reset',
      remoteAddress: ip,
      payload: { token, password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(json(weak)).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { password: 'WEAK_PASSWORD' } },
    });

    // A refused weak password did not spend the link.
    const newPassword = 'Sen-Hong-Dong-Thap-9';
    const reset = await t.inject({
      method: 'POST',
      url: '/api/auth/password/reset',
      remoteAddress: ip,
      payload: { token, password: newPassword },
    });
    expect(reset.statusCode).toBe(204);

    const dead = await t.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      remoteAddress: ip,
      cookies: { [REFRESH_COOKIE]: oldRefresh },
    });
    expect(dead.statusCode).toBe(401);
    expect(json(dead).code).toBe('REFRESH_INVALID');

    const oldPassword = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { email: user.email, password: user.password },
    });
    expect(oldPassword.statusCode).toBe(401);
    const newLogin = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { email: user.email, password: newPassword },
    });
    expect(newLogin.statusCode).toBe(200);

    const again = await t.inject({
      method: 'POST',
      url: '/api/auth/password/reset',
      remoteAddress: ip,
      payload: { token, password: 'Another-Good-One-7' },
    });
    expect(again.statusCode).toBe(400);
    expect(json(again).code).toBe('TOKEN_USED');
  });

  it('lets a reset link expire after 60 minutes', async () => {
    const user = await f.user();
    const ip = nextIp();
    await t.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      remoteAddress: ip,
      payload: { email: user.email },
    });
    const token = await linkToken(user.email, 'resetPassword');
    t.clock.advance(60 * MINUTE + 1000);
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/password/reset',
      remoteAddress: ip,
      payload: { token, password: 'Sen-Hong-Dong-Thap-9' },
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).code).toBe('TOKEN_EXPIRED');
    const login = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(200);
  });

  it('limits reset requests per address with 429', async () => {
    const ip = nextIp();
    for (let i = 0; i < 3; i++) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/auth/password/forgot',
        remoteAddress: ip,
        payload: { email: `who.${i}@nowhere.example` },
      });
      expect(res.statusCode).toBe(204);
    }
    const blocked = await t.inject({
      method: 'POST',
      url: '/api/auth/password/forgot',
      remoteAddress: ip,
      payload: { email: 'who.9@nowhere.example' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked).code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('stops mailing one inbox after a few requests, still answering 204', async () => {
    const user = await f.user();
    for (let i = 0; i < 5; i++) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/auth/password/forgot',
        remoteAddress: nextIp(),
        payload: { email: user.email },
      });
      expect(res.statusCode).toBe(204);
    }
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM mail_outbox WHERE to_address = $1`,
      [user.email],
    );
    expect(count).toBe(3);
  });
});
