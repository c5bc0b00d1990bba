import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { ErrorCode, type AccessTokenClaims, type Language } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from './clock';
import { DomainError } from './domain-error';
import { authUserFromClaims, type AuthUser } from './request-context';

const ISSUER = 'craftmatch';
/** Checked at most this often for revocations older than the retention. */
const PRUNE_EVERY_MS = 60_000;
/** Tokens remembered as verified (each request of a session carries the same one until it expires). */
const VERIFIED_MAX = 10_000;

/** A session (refresh-token family, the token's `sid`) or a whole user (a deleted account) revoked. */
export interface Revocation {
  kind: 'session' | 'user';
  id: string;
}

/**
 * Short-lived signed access tokens (HS256). Refresh tokens live in the database.
 *
 * A token stays valid until it expires, unless its session or its user was revoked: those are kept
 * here in memory (fed by the auth module, on every instance, from PostgreSQL NOTIFY and a reload at
 * start and after each reconnection), so the check on every request is two Set lookups, no query.
 * An entry is dropped once every token that could carry it has expired (see `retentionMs`).
 */
@Injectable()
export class AccessTokenService {
  private keyFor?: { secret: string; key: KeyObject };
  /** id → when it was revoked (ms since epoch, by the injected clock) */
  private readonly revokedSessions = new Map<string, number>();
  private readonly revokedUsers = new Map<string, number>();
  private readonly revocationListeners = new Set<(revocation: Revocation) => void>();
  private prunedAt = 0;
  /** token → its user and expiry (s): a token verified once is not verified again until it expires */
  private readonly verified = new Map<string, { user: AuthUser; exp: number }>();

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
    if (this.keyFor?.secret !== secret) {
      this.keyFor = { secret, key: createSecretKey(Buffer.from(secret)) };
      // tokens verified with another secret are verified again
      this.verified.clear();
    }
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

  /**
   * Verifies against the injected clock, so tests can move time. A valid token of a revoked session
   * or of a deleted user is refused with SESSION_REVOKED.
   */
  verify(token: string): AuthUser {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const key = this.key;
    const known = this.verified.get(token);
    let user: AuthUser;
    if (known && now < known.exp) {
      user = { ...known.user };
    } else {
      let exp: number;
      try {
        const claims = jwt.verify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          clockTimestamp: now,
        });
        if (typeof claims === 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') {
          throw new Error('bad claims');
        }
        user = authUserFromClaims(claims as unknown as AccessTokenClaims & { lng?: string });
        exp = claims.exp;
      } catch {
        throw DomainError.unauthenticated(ErrorCode.UNAUTHENTICATED);
      }
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
      this.verified.set(token, { user: { ...user }, exp });
    }
    if (this.isRevoked(user)) throw DomainError.unauthenticated(ErrorCode.SESSION_REVOKED);
    return user;
  }

  /** The per-request check: two Set lookups. */
  isRevoked(user: Pick<AuthUser, 'id' | 'sessionId'>): boolean {
    return this.revokedSessions.has(user.sessionId) || this.revokedUsers.has(user.id);
  }

  /**
   * How long a revocation is remembered: a token is signed for `ttl` and none is signed for a session
   * or user after its revocation, so after `ttl` every token it could stop has expired. Twice that
   * leaves room for clocks of different instances that disagree.
   */
  get retentionMs(): number {
    return 2 * this.config.accessTokenTtl * 1000;
  }

  /** Records a revocation (idempotent); `at` defaults to now. Returns whether it was new. */
  revoke(revocation: Revocation, at: Date = this.clock.now()): boolean {
    const map = revocation.kind === 'session' ? this.revokedSessions : this.revokedUsers;
    const now = this.clock.now().getTime();
    if (now - this.prunedAt >= PRUNE_EVERY_MS) this.prune(now);
    const known = map.get(revocation.id);
    if (known !== undefined) {
      if (at.getTime() > known) map.set(revocation.id, at.getTime());
      return false;
    }
    if (at.getTime() <= now - this.retentionMs) return false;
    map.set(revocation.id, at.getTime());
    for (const listener of this.revocationListeners) {
      try {
        listener(revocation);
      } catch {
        /* a listener's failure does not undo the revocation */
      }
    }
    return true;
  }

  /** Told of each new revocation (the realtime gateway disconnects the sockets it authenticated). */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  /** How many revocations are remembered (for tests and metrics). */
  get revokedCount(): { sessions: number; users: number } {
    return { sessions: this.revokedSessions.size, users: this.revokedUsers.size };
  }

  private prune(now: number): void {
    this.prunedAt = now;
    const oldest = now - this.retentionMs;
    for (const map of [this.revokedSessions, this.revokedUsers])
      for (const [id, at] of map) if (at <= oldest) map.delete(id);
  }

  /** Pulls a bearer token out of an Authorization header value. */
  static bearer(header: unknown): string | null {
    if (typeof header !== 'string') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match ? match[1] : null;
  }
}
