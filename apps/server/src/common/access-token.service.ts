import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { ErrorCode, type AccessTokenClaims, type Language } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from './clock';
import { DomainError } from './domain-error';
import { authUserFromClaims, type AuthUser } from './request-context';

const ISSUER = 'craftmatch';

/** Short-lived signed access tokens (HS256). Refresh tokens live in the database. */
@Injectable()
export class AccessTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtl;
  }

  sign(claims: AccessTokenClaims & { lng?: Language }): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ ...claims, iat, exp: iat + this.config.accessTokenTtl }, this.config.jwtSecret, {
      algorithm: 'HS256',
      issuer: ISSUER,
    });
  }

  /** Verifies against the injected clock, so tests can move time. */
  verify(token: string): AuthUser {
    try {
      const claims = jwt.verify(token, this.config.jwtSecret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof claims === 'string' || typeof claims.sub !== 'string') throw new Error('bad claims');
      return authUserFromClaims(claims as unknown as AccessTokenClaims & { lng?: string });
    } catch {
      throw DomainError.unauthenticated(ErrorCode.UNAUTHENTICATED);
    }
  }

  /** Pulls a bearer token out of an Authorization header value. */
  static bearer(header: unknown): string | null {
    if (typeof header !== 'string') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match ? match[1] : null;
  }
}
