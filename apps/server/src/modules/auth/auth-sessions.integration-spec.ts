import type { LightMyRequestResponse } from 'fastify';
import { REFRESH_COOKIE, type AuthSession, type SessionInfo } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { MINUTE } from '../../../test/clock';
import { Factory, type TestUser } from '../../../test/factories';

let seq = 0;
const nextIp = () => `10.7.0.${++seq}`;

describe('auth: the signed-in user lists and ends their own sessions', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const cookieOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
  async function signIn(user: TestUser, userAgent: string, ip = nextIp()) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: { 'user-agent': userAgent },
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const body = json<AuthSession>(res);
    return { auth: { authorization: `Bearer ${body.accessToken}` }, cookie: cookieOf(res), ip, userAgent };
  }
  /** The device refreshing is the one that signed in (same browser, new address). */
  const refresh = (session: { cookie: string; userAgent: string }) =>
    t.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      remoteAddress: nextIp(),
      headers: { 'user-agent': session.userAgent },
      cookies: { [REFRESH_COOKIE]: session.cookie },
    });
  const list = async (auth: Record<string, string>) => {
    const res = await t.inject({ method: 'GET', url: '/api/auth/sessions', headers: auth });
    expect(res.statusCode).toBe(200);
    return json<SessionInfo[]>(res);
  };

  it('lists each sign-in with its device, address, start, last use and the current one flagged', async () => {
    const user = await f.member('buyer', 'approved');
    const phone = await signIn(user, 'Mozilla/5.0 (iPhone) Safari');
    t.clock.advance(5 * MINUTE);
    const laptop = await signIn(user, 'Mozilla/5.0 (X11; Linux) Firefox');
    const signedInAt = t.clock.now().toISOString();
    t.clock.advance(10 * MINUTE);
    // Refreshing the phone's session moves its "last used", not its start.
    const rotated = await refresh(phone);
    expect(rotated.statusCode).toBe(200);

    const sessions = await list(laptop.auth);
    expect(sessions).toHaveLength(2);
    const byAgent = Object.fromEntries(sessions.map((s) => [s.userAgent, s]));
    expect(byAgent['Mozilla/5.0 (X11; Linux) Firefox']).toMatchObject({
      ip: laptop.ip,
      current: true,
      createdAt: signedInAt,
      lastUsedAt: signedInAt,
    });
    const phoneSession = byAgent['Mozilla/5.0 (iPhone) Safari'];
    expect(phoneSession.current).toBe(false);
    expect(new Date(phoneSession.lastUsedAt).getTime() - new Date(phoneSession.createdAt).getTime()).toBe(
      15 * MINUTE,
    );
    // Another user's sessions never show up.
    const stranger = await f.member('buyer', 'approved');
    await signIn(stranger, 'Stranger/1.0');
    expect((await list(laptop.auth)).map((s) => s.userAgent)).not.toContain('Stranger/1.0');
  });

  it('ends one session: its refresh token stops working, the others keep going', async () => {
    const user = await f.member('exhibitor', 'approved');
    const a = await signIn(user, 'Device A');
    const b = await signIn(user, 'Device B');
    const target = (await list(a.auth)).find((s) => s.userAgent === 'Device B')!;

    const res = await t.inject({ method: 'DELETE', url: `/api/auth/sessions/${target.id}`, headers: a.auth });
    expect(res.statusCode).toBe(204);
    expect((await refresh(b)).statusCode).toBe(401);
    expect((await refresh(a)).statusCode).toBe(200);
    expect((await list(a.auth)).map((s) => s.userAgent)).toEqual(['Device A']);
    // Ended already: nothing left to end.
    const again = await t.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${target.id}`,
      headers: a.auth,
    });
    expect(again.statusCode).toBe(404);
  });

  it("refuses another user's session with 404 and leaves it alive", async () => {
    const owner = await f.member('buyer', 'approved');
    const intruder = await f.member('buyer', 'approved');
    const victim = await signIn(owner, 'Victim device');
    const theirs = (await list(victim.auth))[0];
    const me = await signIn(intruder, 'Intruder device');

    const res = await t.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${theirs.id}`,
      headers: me.auth,
    });
    expect(res.statusCode).toBe(404);
    expect(json(res).code).toBe('NOT_FOUND');
    expect((await refresh(victim)).statusCode).toBe(200);

    const notUuid = await t.inject({ method: 'DELETE', url: '/api/auth/sessions/abc', headers: me.auth });
    expect(notUuid.statusCode).toBe(400);
  });

  it('signs out everywhere else, keeping the current session', async () => {
    const user = await f.member('exhibitor', 'approved');
    const here = await signIn(user, 'Here');
    const elsewhere1 = await signIn(user, 'Elsewhere 1');
    const elsewhere2 = await signIn(user, 'Elsewhere 2');
    const stranger = await f.member('exhibitor', 'approved');
    const strangers = await signIn(stranger, 'Stranger');

    const res = await t.inject({ method: 'DELETE', url: '/api/auth/sessions', headers: here.auth });
    expect(res.statusCode).toBe(204);
    expect((await refresh(elsewhere1)).statusCode).toBe(401);
    expect((await refresh(elsewhere2)).statusCode).toBe(401);
    expect((await refresh(here)).statusCode).toBe(200);
    expect((await refresh(strangers)).statusCode).toBe(200);
    const left = await list(here.auth);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ userAgent: 'Here', current: true });
  });

  it('needs a signed-in caller', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/auth/sessions' })).statusCode).toBe(401);
    expect((await t.inject({ method: 'DELETE', url: '/api/auth/sessions' })).statusCode).toBe(401);
  });
});
