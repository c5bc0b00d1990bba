import { createSecretKey, type KeyObject } from 'node:crypto';
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
  private keyFor?: { secret: string; key: KeyObject };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to
   * parse it as a public key on every call, which cost more than the whole rest of a cached GET.
   */
  private get key(): KeyObject {
    const secret = this.config.jwtSecret;
    if (this.keyFor?.secret !== secret) this.keyFor = { secret, key: createSecretKey(Buffer.from(secret)) };
    return this.keyFor.key;
  }

  get ttlSeconds(): number {
    return this.config.accessTokenTtl;
  }

  sign(claims: AccessTokenClaims & { lng?: Language }): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ ...claims, iat, exp: iat + this.config.accessTokenTtl }, this.key, {
      algorithm: 'HS256',
      issuer: ISSUER,
    });
  }

  /** Verifies against the injected clock, so tests can move time. */
  verify(token: string): AuthUser {
    try {
      const claims = jwt.verify(token, this.key, {
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
