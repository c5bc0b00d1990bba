import jwt from 'jsonwebtoken';
import type { AppConfig } from '../config/config';
import { TestClock } from '../../test/clock';
import { AccessTokenService } from './access-token.service';

const SECRET = 'access-token-spec-secret-7c1e9a3f5b2d4e6a8c0b';
const config = (jwtSecret: string) => ({ jwtSecret, accessTokenTtl: 900 }) as AppConfig;

describe('AccessTokenService', () => {
  it('verifies what it signs, and tokens signed with the secret as a plain string (as before)', () => {
    const clock = new TestClock();
    const tokens = new AccessTokenService(config(SECRET), clock);
    const own = tokens.sign({ sub: 'u1', role: 'buyer', cid: 'c1', sid: 's1', lng: 'vi' });
    expect(tokens.verify(own)).toEqual({
      id: 'u1',
      role: 'buyer',
      companyId: 'c1',
      sessionId: 's1',
      locale: 'vi',
    });
    const iat = Math.floor(clock.now().getTime() / 1000);
    const plain = jwt.sign({ sub: 'u2', role: 'organizer', sid: 's2', iat, exp: iat + 60 }, SECRET, {
      algorithm: 'HS256',
      issuer: 'craftmatch',
    });
    expect(tokens.verify(plain)).toMatchObject({ id: 'u2', role: 'organizer', companyId: null });
    // and the other way round: a plain-string verifier accepts the service's tokens
    expect(
      jwt.verify(own, SECRET, { algorithms: ['HS256'], issuer: 'craftmatch', clockTimestamp: iat }),
    ).toMatchObject({
      sub: 'u1',
    });
  });

  it('refuses another secret, an expired token and a changed secret', () => {
    const clock = new TestClock();
    const cfg = config(SECRET);
    const tokens = new AccessTokenService(cfg, clock);
    const token = tokens.sign({ sub: 'u1', role: 'buyer', sid: 's1' });
    expect(() => new AccessTokenService(config(`${SECRET}-other`), clock).verify(token)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', status: 401 }),
    );
    clock.advance(901_000);
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    clock.advance(-901_000);
    expect(tokens.verify(token).id).toBe('u1');
    cfg.jwtSecret = `${SECRET}-rotated`;
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('remembers a verified token only until it expires, and a revocation still stops it', () => {
    const clock = new TestClock();
    const tokens = new AccessTokenService(config(SECRET), clock);
    const token = tokens.sign({ sub: 'u1', role: 'buyer', sid: 's1' });
    const first = tokens.verify(token);
    // each caller gets its own copy of the user
    first.role = 'organizer';
    expect(tokens.verify(token)).toMatchObject({ id: 'u1', role: 'buyer' });
    clock.advance(901_000);
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    clock.advance(-901_000);
    expect(tokens.verify(token).id).toBe('u1');
    tokens.revoke({ kind: 'session', id: 's1' });
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'SESSION_REVOKED' }));
    // a forged token with a remembered token's claims is still checked
    const forged = jwt.sign(jwt.decode(token) as object, `${SECRET}-forged`, { algorithm: 'HS256' });
    expect(() => tokens.verify(forged)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a valid token of a revoked session or user with SESSION_REVOKED, others go on', () => {
    const clock = new TestClock();
    const tokens = new AccessTokenService(config(SECRET), clock);
    const phone = tokens.sign({ sub: 'u1', role: 'buyer', sid: 's1' });
    const laptop = tokens.sign({ sub: 'u1', role: 'buyer', sid: 's2' });
    const other = tokens.sign({ sub: 'u2', role: 'buyer', sid: 's3' });
    const told: unknown[] = [];
    tokens.onRevoked((r) => told.push(r));

    expect(tokens.revoke({ kind: 'session', id: 's1' })).toBe(true);
    expect(tokens.revoke({ kind: 'session', id: 's1' })).toBe(false); // once
    expect(() => tokens.verify(phone)).toThrow(
      expect.objectContaining({ code: 'SESSION_REVOKED', status: 401 }),
    );
    expect(tokens.verify(laptop).sessionId).toBe('s2');

    tokens.revoke({ kind: 'user', id: 'u1' });
    expect(() => tokens.verify(laptop)).toThrow(expect.objectContaining({ code: 'SESSION_REVOKED' }));
    expect(tokens.verify(other).id).toBe('u2');
    expect(told).toEqual([
      { kind: 'session', id: 's1' },
      { kind: 'user', id: 'u1' },
    ]);
    // a bad token stays UNAUTHENTICATED, revoked or not
    expect(() => tokens.verify(`${phone}x`)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('forgets a revocation once every token it could stop has expired, not before', () => {
    const clock = new TestClock();
    const tokens = new AccessTokenService(config(SECRET), clock);
    tokens.revoke({ kind: 'session', id: 'old' });
    tokens.revoke({ kind: 'user', id: 'gone' });
    // older than the retention when it arrives (a late reload row): not kept
    expect(
      tokens.revoke({ kind: 'session', id: 'ancient' }, new Date(clock.now().getTime() - 1_800_000)),
    ).toBe(false);
    clock.advance(1_799_000); // just inside twice the 900 s lifetime
    tokens.revoke({ kind: 'session', id: 'new' });
    expect(tokens.revokedCount).toEqual({ sessions: 2, users: 1 });
    clock.advance(61_000);
    // pruning rides on a revocation (at most once a minute), never on a request
    tokens.revoke({ kind: 'session', id: 'newer' });
    expect(tokens.revokedCount).toEqual({ sessions: 2, users: 0 });
    expect(tokens.isRevoked({ id: 'x', sessionId: 'old' })).toBe(false);
    expect(tokens.isRevoked({ id: 'x', sessionId: 'new' })).toBe(true);
  });
});
