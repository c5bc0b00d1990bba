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
});
