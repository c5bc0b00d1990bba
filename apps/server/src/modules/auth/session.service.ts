import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { ErrorCode, type AuthSession, type Me, type SessionInfo } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessTokenService } from '../../common/access-token.service';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { CompaniesService } from '../companies';
import { User } from '../users';
import type { ClientContext } from './client-info';
import { RefreshToken } from './refresh-token.entity';
import { hashToken, isTokenShape, newToken } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refresh token just written; its raw value exists only here and in the cookie. */
export interface NewRefreshToken {
  token: string;
  familyId: string;
}

/** What a sign-in produces: the body for the client and the secret for the cookie. */
export interface IssuedSession {
  session: AuthSession;
  refreshToken: string;
}

type Rotation =
  | { kind: 'rotated'; userId: string; next: NewRefreshToken }
  | { kind: 'reused'; familyId: string }
  | { kind: 'invalid' };

/**
 * Sessions: short-lived access tokens plus rotating refresh tokens stored as SHA-256 hashes.
 * Every use of a refresh token replaces it; presenting a used one again revokes its whole family.
 *
 * Revoking a family also stops its access tokens (their `sid`) at once: a trigger tells every instance
 * (RevocationListener), and the paths here add the family to this instance's set right after commit
 * too, so the very next request, even on this instance, is refused without waiting for the NOTIFY.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessTokens: AccessTokenService,
    private readonly companies: CompaniesService,
    private readonly clock: Clock,
  ) {}

  /** Starts a new family inside the caller's transaction. */
  start(manager: EntityManager, userId: string, client: ClientContext): Promise<NewRefreshToken> {
    return this.insert(manager, userId, randomUUID(), client);
  }

  /** Signs the access token with fresh claims (role, company, locale) and pairs it with the refresh token. */
  async issue(userId: string, refresh: NewRefreshToken): Promise<IssuedSession> {
    const me = await this.me(userId);
    // An organizer's suspension blocks sign-in and refresh for every member of the company.
    if (me.company?.status === 'suspended') throw new DomainError(ErrorCode.COMPANY_SUSPENDED, 403);
    const accessToken = this.accessTokens.sign({
      sub: me.id,
      role: me.role,
      cid: me.company?.id,
      sid: refresh.familyId,
      lng: me.locale,
    });
    return {
      session: { accessToken, expiresIn: this.accessTokens.ttlSeconds, user: me },
      refreshToken: refresh.token,
    };
  }

  async me(userId: string): Promise<Me> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user || user.deletedAt) throw DomainError.unauthenticated();
    const membership = await this.companies.membershipOf(userId);
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      locale: user.locale,
      role: user.role,
      emailVerified: user.emailVerifiedAt !== null,
      company: membership
        ? {
            id: membership.company.id,
            name: membership.company.name,
            kind: membership.company.kind,
            status: membership.company.status,
            statusReason: membership.company.statusReason,
            membershipRole: membership.role,
          }
        : null,
    };
  }

  /** Trades a refresh token for a new one. The row lock makes two concurrent uses of one token a reuse, never two sessions. */
  async rotate(raw: string | null, client: ClientContext): Promise<IssuedSession> {
    if (!isTokenShape(raw)) throw DomainError.unauthenticated(ErrorCode.REFRESH_INVALID);
    const outcome = await this.dataSource.transaction(async (manager): Promise<Rotation> => {
      const row = await manager.findOne(RefreshToken, {
        where: { tokenHash: hashToken(raw) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { kind: 'invalid' };
      const now = this.clock.now();
      if (row.usedAt) {
        // Someone holds a token that was already traded in: assume theft, end every session of the family.
        await this.revokeFamily(manager, row.familyId);
        return { kind: 'reused', familyId: row.familyId };
      }
      if (row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return { kind: 'invalid' };
      const next = await this.insert(manager, row.userId, row.familyId, client);
      await manager.update(RefreshToken, { id: row.id }, { usedAt: now, replacedBy: next.id });
      return { kind: 'rotated', userId: row.userId, next };
    });
    // Thrown after commit, so the family's revocation sticks.
    if (outcome.kind === 'reused') {
      this.revoked([outcome.familyId]);
      throw DomainError.unauthenticated(ErrorCode.REFRESH_REUSED);
    }
    if (outcome.kind === 'invalid') throw DomainError.unauthenticated(ErrorCode.REFRESH_INVALID);
    return this.issue(outcome.userId, outcome.next);
  }

  /** Sign-out: the whole family goes, whatever state the presented token is in. */
  async end(raw: string | null): Promise<void> {
    if (!isTokenShape(raw)) return;
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hashToken(raw) });
    if (!row) return;
    await this.revokeFamily(this.dataSource.manager, row.familyId);
    this.revoked([row.familyId]);
  }

  /** Inside the caller's transaction; the trigger tells every instance on commit. */
  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /**
   * Signs the user out everywhere (after a password reset, say), inside the caller's transaction.
   * Returns the families ended: pass them to `revoked()` after commit to refuse their access tokens on
   * this instance without waiting for the NOTIFY (which reaches every instance on commit anyway).
   */
  async revokeAll(manager: EntityManager, userId: string): Promise<string[]> {
    return this.revokeWhere(manager, userId, null);
  }

  /** Families already revoked in the database (committed): refused on this instance from now on. */
  revoked(familyIds: Iterable<string>): void {
    for (const id of familyIds) this.accessTokens.revoke({ kind: 'session', id });
  }

  /** A deleted account (committed): every access token of the user is refused from now on. */
  userDeleted(userId: string): void {
    this.accessTokens.revoke({ kind: 'user', id: userId });
  }

  /**
   * The user's live sign-ins: one per refresh-token family that still has an unused, unrevoked,
   * unexpired token. Created = the family's first token, last used = its newest (each refresh adds one).
   */
  async list(userId: string, currentFamilyId: string | null): Promise<SessionInfo[]> {
    const rows = await this.dataSource.query<
      {
        family_id: string;
        user_agent: string | null;
        ip: string | null;
        created_at: Date;
        last_used_at: Date;
        expires_at: Date;
      }[]
    >(
      `SELECT live.family_id, live.user_agent, live.ip, first.created_at, live.created_at AS last_used_at,
              live.expires_at
         FROM refresh_tokens live
         JOIN LATERAL (SELECT min(f.created_at) AS created_at FROM refresh_tokens f
                        WHERE f.user_id = live.user_id AND f.family_id = live.family_id) first ON true
        WHERE live.user_id = $1 AND live.used_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > $2
        ORDER BY live.created_at DESC, live.family_id`,
      [userId, this.clock.now()],
    );
    return rows.map((r) => ({
      id: r.family_id,
      userAgent: r.user_agent,
      ip: r.ip,
      createdAt: new Date(r.created_at).toISOString(),
      lastUsedAt: new Date(r.last_used_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      current: r.family_id === currentFamilyId,
    }));
  }

  /** Ends one of the user's own sessions; someone else's (or an unknown or ended one) is a 404. */
  async revokeOwn(userId: string, familyId: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(RefreshToken)
      .update({ userId, familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    if (!result.affected) throw DomainError.notFound();
    this.revoked([familyId]);
  }

  /** Every session of the user except the one making the request. */
  async revokeOthers(userId: string, currentFamilyId: string): Promise<void> {
    const ended = await this.revokeWhere(
      this.dataSource.manager,
      userId,
      UUID.test(currentFamilyId) ? currentFamilyId : null,
    );
    this.revoked(ended);
  }

  /** Revokes the user's live tokens (but those of `keepFamilyId`); the distinct families ended. */
  private async revokeWhere(
    manager: EntityManager,
    userId: string,
    keepFamilyId: string | null,
  ): Promise<string[]> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: this.clock.now() })
      .where({ userId, revokedAt: IsNull(), ...(keepFamilyId ? { familyId: Not(keepFamilyId) } : {}) })
      .returning('family_id')
      .execute();
    const rows = (result.raw ?? []) as { family_id: string }[];
    return [...new Set(rows.map((r) => r.family_id))];
  }

  private async insert(
    manager: EntityManager,
    userId: string,
    familyId: string,
    client: ClientContext,
  ): Promise<NewRefreshToken & { id: string }> {
    const token = newToken();
    const id = randomUUID();
    const now = this.clock.now();
    await manager.insert(RefreshToken, {
      id,
      userId,
      familyId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * DAY_MS),
      usedAt: null,
      revokedAt: null,
      replacedBy: null,
      userAgent: client.userAgent,
      ip: client.ip,
      createdAt: now,
    });
    return { id, token, familyId };
  }
}
