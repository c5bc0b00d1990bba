// A revoked session's access token stops working at once (not when it expires), on every instance:
// revoking one session, signing out everywhere else, logout, a password reset, a refresh token replayed
// and the deletion of the account. Two app instances share one database: a revocation on one is refused
// on the other (PostgreSQL NOTIFY), a new instance loads earlier revocations at start, and a listener
// whose connection was cut reconnects and reloads what it missed.
import type { LightMyRequestResponse } from 'fastify';
import { REFRESH_COOKIE, type AuthSession, type SessionInfo } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { connectSocket } from '../../../test/sockets';
import { Factory, type TestUser } from '../../../test/factories';
import { RevocationListener } from './revocation-listener';
import { hashToken, newToken } from './tokens';

let seq = 0;
const nextIp = () => `10.9.${Math.floor(++seq / 250)}.${seq % 250}`;

/** Resolves once the condition holds; polls every 20 ms, fails after the timeout. */
async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Signed {
  auth: { authorization: string };
  token: string;
  cookie: string;
  sessionId: string;
}

describe('auth: a revoked session or a deleted account loses its access tokens at once', () => {
  let one: TestApp;
  let two: TestApp;
  let f: Factory;

  beforeAll(async () => {
    one = await createTestApp();
    f = new Factory(one);
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  /** A second instance on the same database, same secret and clock. */
  const secondInstance = () =>
    createTestApp({ db: one.db, clock: one.clock, env: { JWT_SECRET: one.config.jwtSecret } });

  const cookieOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
  async function signIn(user: TestUser, t: TestApp = one): Promise<Signed> {
    const res = await t.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(),
      headers: { 'user-agent': `Device ${seq}` },
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const body = json<AuthSession>(res);
    const sessionId = (
      JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString()) as {
        sid: string;
      }
    ).sid;
    return {
      auth: { authorization: `Bearer ${body.accessToken}` },
      token: body.accessToken,
      cookie: cookieOf(res),
      sessionId,
    };
  }
  const me = (session: { auth: Record<string, string> }, t: TestApp = one) =>
    t.inject({ method: 'GET', url: '/api/auth/me', headers: session.auth });
  /** The answer's status and code, as one comparable value. */
  const outcome = async (res: Promise<LightMyRequestResponse>) => {
    const r = await res;
    return r.statusCode === 200 ? 200 : `${r.statusCode} ${json(r).code as string}`;
  };
  const refused = (session: Signed, t: TestApp = one) =>
    outcome(me(session, t)).then((o) => o === '401 SESSION_REVOKED');
  const refresh = (cookie: string, t: TestApp = one) =>
    t.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      remoteAddress: nextIp(),
      cookies: { [REFRESH_COOKIE]: cookie },
    });

  describe('on one instance, the next request is refused', () => {
    it('revoking one session: its token gets 401 SESSION_REVOKED, the other session goes on', async () => {
      const user = await f.member('buyer', 'approved');
      const phone = await signIn(user);
      const laptop = await signIn(user);
      expect(await outcome(me(phone))).toBe(200);

      const res = await one.inject({
        method: 'DELETE',
        url: `/api/auth/sessions/${phone.sessionId}`,
        headers: laptop.auth,
      });
      expect(res.statusCode).toBe(204);

      const answer = await me(phone);
      expect(answer.statusCode).toBe(401);
      expect(json(answer)).toMatchObject({ code: 'SESSION_REVOKED', message: expect.any(String) });
      // every route, not only /auth/me
      expect(
        await outcome(one.inject({ method: 'GET', url: '/api/notifications', headers: phone.auth })),
      ).toBe('401 SESSION_REVOKED');
      // its refresh fails too (the client then signs out)
      expect((await refresh(phone.cookie)).statusCode).toBe(401);
      expect(await outcome(me(laptop))).toBe(200);
      // the message is in the caller's language
      const vi = await one.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { ...phone.auth, 'accept-language': 'vi' },
      });
      expect(json(vi).message).toBe('Phiên đăng nhập này đã bị đóng. Vui lòng đăng nhập lại.');
    });

    it('signing out everywhere else: the other sessions are refused, the current one and other users go on', async () => {
      const user = await f.member('exhibitor', 'approved');
      const stranger = await f.member('exhibitor', 'approved');
      const here = await signIn(user);
      const [away1, away2] = [await signIn(user), await signIn(user)];
      const theirs = await signIn(stranger);

      const res = await one.inject({ method: 'DELETE', url: '/api/auth/sessions', headers: here.auth });
      expect(res.statusCode).toBe(204);
      expect([await outcome(me(away1)), await outcome(me(away2))]).toEqual([
        '401 SESSION_REVOKED',
        '401 SESSION_REVOKED',
      ]);
      expect(await outcome(me(here))).toBe(200);
      expect(await outcome(me(theirs))).toBe(200);
    });

    it('logout: that access token is refused, the same user’s other session goes on', async () => {
      const user = await f.member('buyer', 'approved');
      const leaving = await signIn(user);
      const staying = await signIn(user);

      const res = await one.inject({
        method: 'POST',
        url: '/api/auth/logout',
        cookies: { [REFRESH_COOKIE]: leaving.cookie },
      });
      expect(res.statusCode).toBe(204);
      expect(await outcome(me(leaving))).toBe('401 SESSION_REVOKED');
      expect(await outcome(me(staying))).toBe(200);
    });

    it('a password reset refuses every session of the account', async () => {
      const user = await f.member('buyer', 'approved');
      const a = await signIn(user);
      const b = await signIn(user);
      const raw = newToken();
      await one.dataSource.query(
        `INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at, created_at)
         VALUES ($1, 'reset_password', $2, $3, $4)`,
        [user.id, hashToken(raw), new Date(one.clock.now().getTime() + 3_600_000), one.clock.now()],
      );
      const res = await one.inject({
        method: 'POST',
        url: '/api/auth/password/reset',
        remoteAddress: nextIp(),
        payload: { token: raw, password: 'Non-La-Hue-2027' },
      });
      expect(res.statusCode).toBe(204);
      expect([await outcome(me(a)), await outcome(me(b))]).toEqual([
        '401 SESSION_REVOKED',
        '401 SESSION_REVOKED',
      ]);
      // signing in again gives a working session
      expect(await outcome(me(await signIn({ ...user, password: 'Non-La-Hue-2027' })))).toBe(200);
    });

    it('a replayed refresh token ends the family: the access tokens of the family are refused', async () => {
      const user = await f.member('buyer', 'approved');
      const session = await signIn(user);
      const rotated = await refresh(session.cookie);
      expect(rotated.statusCode).toBe(200);
      const newer = { auth: { authorization: `Bearer ${json<AuthSession>(rotated).accessToken}` } };
      expect(await outcome(me(newer))).toBe(200);

      const replay = await refresh(session.cookie);
      expect(json(replay).code).toBe('REFRESH_REUSED');
      expect(await outcome(me(session))).toBe('401 SESSION_REVOKED');
      expect(await outcome(me(newer))).toBe('401 SESSION_REVOKED');
    });

    it('deleting the account refuses all its tokens, a token from the test factory too', async () => {
      const user = await f.member('buyer', 'approved');
      const other = await f.member('buyer', 'approved');
      const session = await signIn(user);

      const res = await one.inject({
        method: 'DELETE',
        url: '/api/privacy/me',
        headers: session.auth,
        payload: { password: user.password },
      });
      expect(res.statusCode).toBe(204);
      expect(await outcome(me(session))).toBe('401 SESSION_REVOKED');
      // signed without a session row at all (the factory's): refused by the user
      expect(await outcome(me({ auth: user.auth }))).toBe('401 SESSION_REVOKED');
      expect(await outcome(me({ auth: other.auth }))).toBe(200);
    });

    it('a socket authenticated with the session is disconnected, and cannot connect again', async () => {
      const user = await f.member('buyer', 'approved');
      const phone = await signIn(user);
      const laptop = await signIn(user);
      const connect = (token: string) => connectSocket(one, { token });
      const phoneSocket = await connect(phone.token);
      const laptopSocket = await connect(laptop.token);
      try {
        const disconnected = new Promise<string>((resolve) => phoneSocket.once('disconnect', resolve));
        const res = await one.inject({
          method: 'DELETE',
          url: `/api/auth/sessions/${phone.sessionId}`,
          headers: laptop.auth,
        });
        expect(res.statusCode).toBe(204);
        expect(await disconnected).toBe('io server disconnect');
        expect(laptopSocket.connected).toBe(true);
        await expect(connect(phone.token)).rejects.toThrow('UNAUTHENTICATED');
      } finally {
        phoneSocket.close();
        laptopSocket.close();
      }
    });
  });

  describe('across instances on one database', () => {
    let earlier: Signed;
    let alive: Signed;

    beforeAll(async () => {
      // Revoked before the second instance starts: it must know from its first request.
      const user = await f.member('buyer', 'approved');
      earlier = await signIn(user);
      alive = await signIn(user);
      const res = await one.inject({
        method: 'DELETE',
        url: `/api/auth/sessions/${earlier.sessionId}`,
        headers: alive.auth,
      });
      expect(res.statusCode).toBe(204);
      two = await secondInstance();
    });

    it('a new instance loads the revocations made before it started', async () => {
      expect(await outcome(me(earlier, two))).toBe('401 SESSION_REVOKED');
      expect(await outcome(me(alive, two))).toBe(200);
    });

    it('a session revoked on instance 1 is refused on instance 2; the other session goes on', async () => {
      const user = await f.member('exhibitor', 'approved');
      const a = await signIn(user, two);
      const b = await signIn(user, two);
      expect(await outcome(me(a, two))).toBe(200);

      const res = await one.inject({
        method: 'DELETE',
        url: `/api/auth/sessions/${a.sessionId}`,
        headers: b.auth,
      });
      expect(res.statusCode).toBe(204);
      await until('instance 2 to refuse the revoked session', () => refused(a, two));
      expect(await outcome(me(b, two))).toBe(200);
    });

    it('logout and account deletion on instance 1 are refused on instance 2', async () => {
      const user = await f.member('buyer', 'approved');
      const leaving = await signIn(user);
      const deleted = await f.member('buyer', 'approved');
      const deletedSession = await signIn(deleted);
      expect(await outcome(me(leaving, two))).toBe(200);
      expect(await outcome(me(deletedSession, two))).toBe(200);

      await one.inject({
        method: 'POST',
        url: '/api/auth/logout',
        cookies: { [REFRESH_COOKIE]: leaving.cookie },
      });
      const erased = await one.inject({
        method: 'DELETE',
        url: '/api/privacy/me',
        headers: deletedSession.auth,
        payload: { password: deleted.password },
      });
      expect(erased.statusCode).toBe(204);
      await until('instance 2 to refuse the logged-out session', () => refused(leaving, two));
      await until('instance 2 to refuse the deleted user', () => refused(deletedSession, two));
    });

    it('after its listening connection is cut, instance 2 reconnects, reloads what it missed and hears new ones', async () => {
      const listener = two.app.get(RevocationListener);
      const user = await f.member('buyer', 'approved');
      const missed = await signIn(user);
      const later = await signIn(user);
      const keeper = await signIn(user);

      // A revocation instance 2 is never told of (the trigger off for this one transaction): only a reload
      // can find it.
      await one.dataSource.transaction(async (manager) => {
        await manager.query(`ALTER TABLE refresh_tokens DISABLE TRIGGER refresh_tokens_revoked_notify`);
        await manager.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1`, [
          missed.sessionId,
          one.clock.now(),
        ]);
        await manager.query(`ALTER TABLE refresh_tokens ENABLE TRIGGER refresh_tokens_revoked_notify`);
      });
      expect(await outcome(me(missed, two))).toBe(200);

      const pid = listener.backendPid;
      const loads = listener.loads;
      expect(pid).toEqual(expect.any(Number));
      const [{ terminated }] = await one.dataSource.query<{ terminated: boolean }[]>(
        `SELECT pg_terminate_backend($1) AS terminated`,
        [pid],
      );
      expect(terminated).toBe(true);

      await until(
        'instance 2 to reconnect and reload',
        () => listener.loads > loads && listener.backendPid !== null,
      );
      expect(listener.backendPid).not.toBe(pid);
      expect(await outcome(me(missed, two))).toBe('401 SESSION_REVOKED');

      // and it listens again
      const res = await one.inject({
        method: 'DELETE',
        url: `/api/auth/sessions/${later.sessionId}`,
        headers: keeper.auth,
      });
      expect(res.statusCode).toBe(204);
      await until('instance 2 to refuse a session revoked after the reconnection', () => refused(later, two));
      expect(await outcome(me(keeper, two))).toBe(200);
    });

    it('lists no revoked session (the session list agrees with the guard)', async () => {
      const user = await f.member('buyer', 'approved');
      const a = await signIn(user);
      const b = await signIn(user);
      await one.inject({ method: 'DELETE', url: `/api/auth/sessions/${a.sessionId}`, headers: b.auth });
      const list = await two.inject({ method: 'GET', url: '/api/auth/sessions', headers: b.auth });
      expect(json<SessionInfo[]>(list).map((s) => s.id)).toEqual([b.sessionId]);
    });
  });
});
