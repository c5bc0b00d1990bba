import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  PRIVACY_NOTICE_VERSION,
  type ConsentRecord,
  type MyDataExport,
  type UserRole,
  type Language,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { verifyPassword } from '../../common/passwords';
import { RateLimitService } from '../../common/rate-limit.service';
import type { AuthUser } from '../../common/request-context';
import { SessionService } from '../auth';

/** What stands in for the name of a deleted person: no language, no person. */
export const DELETED_NAME = '—';
/** A deleted account's e-mail: unique, undeliverable (RFC 2606 .invalid), not the person's. */
export const tombstoneEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;
/** Not an argon2 hash: no password verifies against it. */
const NO_PASSWORD = '!deleted';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * The person's rights under the GDPR (access art. 15, portability art. 20, erasure art. 17) and
 * Vietnam's decree 13/2023 (art. 9): download everything held about them, and delete the account.
 *
 * Deleting keeps the user row as a tombstone (name "—", e-mail deleted-<id>@deleted.invalid, no usable
 * password, deleted_at set) because meetings, contracts, samples and the audit log of the companies
 * involved are business records the other party and the organizer still need; they keep pointing to
 * it and show no personal data any more. Erased: sessions, e-mail and calendar tokens, notifications,
 * consents, queued mails to the address, the interpreter profile, blocked slots, and the name and
 * e-mail on public inquiries sent from the address. The membership is removed; the company stays with
 * its records. Its last owner leaving a company that has other members hands ownership to the
 * longest-standing member, so the company is never left without an owner while people work in it.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
  ) {}

  async myData(auth: AuthUser): Promise<MyDataExport> {
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query<T[]>(sql, params);
    const [user] = await q<{
      id: string;
      email: string;
      full_name: string;
      locale: Language;
      role: UserRole;
      email_verified_at: Date | null;
      created_at: Date;
      deleted_at: Date | null;
    }>(
      `SELECT id, email, full_name, locale, role, email_verified_at, created_at, deleted_at FROM users WHERE id = $1`,
      [auth.id],
    );
    if (!user || user.deleted_at) throw DomainError.unauthenticated();
    const [memberships, meetings, inquiries, replies, notifications, consents, sessions] = await Promise.all([
      q<{ company_id: string; name: string; kind: string; role: string; created_at: Date }>(
        `SELECT m.company_id, c.name, c.kind, m.role, m.created_at
           FROM company_memberships m JOIN companies c ON c.id = m.company_id WHERE m.user_id = $1`,
        [auth.id],
      ),
      q<{
        id: string;
        fair_id: string;
        as: string[];
        status: string;
        start: Date | null;
        end: Date | null;
        buyer: string;
        exhibitor: string;
        created_at: Date;
      }>(
        `SELECT m.id, m.fair_id, m.status, lower(m.time_range) AS start, upper(m.time_range) AS "end",
                bc.name AS buyer, ec.name AS exhibitor, m.created_at,
                array_remove(ARRAY[
                  CASE WHEN m.buyer_user_id = $1 THEN 'buyer' END,
                  CASE WHEN m.exhibitor_user_id = $1 THEN 'exhibitor' END,
                  CASE WHEN m.interpreter_user_id = $1 THEN 'interpreter' END,
                  CASE WHEN m.requested_by_user_id = $1 THEN 'requester' END], NULL) AS "as"
           FROM meetings m
           JOIN companies bc ON bc.id = m.buyer_company_id JOIN companies ec ON ec.id = m.exhibitor_company_id
          WHERE $1 IN (m.buyer_user_id, m.exhibitor_user_id, m.interpreter_user_id, m.requested_by_user_id)
          ORDER BY m.created_at, m.id`,
        [auth.id],
      ),
      q<{ id: string; company_id: string; message: string; created_at: Date }>(
        `SELECT id, company_id, message, created_at FROM inquiries WHERE lower(email) = lower($1)
          ORDER BY created_at, id`,
        [user.email],
      ),
      q<{ id: string; inquiry_id: string; message: string; created_at: Date }>(
        `SELECT id, inquiry_id, message, created_at FROM inquiry_replies WHERE author_id = $1 ORDER BY created_at, id`,
        [auth.id],
      ),
      q<{ id: string; type: string; data: unknown; read_at: Date | null; created_at: Date }>(
        `SELECT id, type, data, read_at, created_at FROM notifications WHERE user_id = $1 ORDER BY created_at, id`,
        [auth.id],
      ),
      this.consents(auth.id),
      this.sessions.list(auth.id, auth.sessionId),
    ]);
    return {
      exportedAt: this.clock.now().toISOString(),
      noticeVersion: PRIVACY_NOTICE_VERSION,
      profile: {
        id: user.id,
        email: user.email,
        fullName: user.full_name,
        locale: user.locale,
        role: user.role,
        emailVerifiedAt: iso(user.email_verified_at),
        createdAt: iso(user.created_at) as string,
      },
      memberships: memberships.map((m) => ({
        companyId: m.company_id,
        companyName: m.name,
        companyKind: m.kind as MyDataExport['memberships'][number]['companyKind'],
        role: m.role as MyDataExport['memberships'][number]['role'],
        joinedAt: iso(m.created_at) as string,
      })),
      meetings: meetings.map((m) => ({
        id: m.id,
        fairId: m.fair_id,
        as: m.as,
        status: m.status,
        start: iso(m.start),
        end: iso(m.end),
        buyerCompany: m.buyer,
        exhibitorCompany: m.exhibitor,
        createdAt: iso(m.created_at) as string,
      })),
      inquiries: inquiries.map((i) => ({
        id: i.id,
        companyId: i.company_id,
        message: i.message,
        createdAt: iso(i.created_at) as string,
      })),
      inquiryReplies: replies.map((r) => ({
        id: r.id,
        inquiryId: r.inquiry_id,
        message: r.message,
        createdAt: iso(r.created_at) as string,
      })),
      notifications: notifications.map((n) => ({
        id: n.id,
        type: n.type,
        data: n.data,
        readAt: iso(n.read_at),
        createdAt: iso(n.created_at) as string,
      })),
      sessions,
      consents,
    };
  }

  async consents(userId: string): Promise<ConsentRecord[]> {
    const rows = await this.dataSource.query<
      { kind: 'privacy_notice'; version: string; accepted_at: Date }[]
    >(
      `SELECT kind, version, accepted_at FROM user_consents WHERE user_id = $1 ORDER BY accepted_at, version`,
      [userId],
    );
    return rows.map((r) => ({ kind: r.kind, version: r.version, acceptedAt: iso(r.accepted_at) as string }));
  }

  /** All or nothing: the password is checked under the row lock, then every step runs in one transaction. */
  async deleteAccount(auth: AuthUser, password: string): Promise<void> {
    // Guessing passwords through this door is as slow as through the sign-in.
    await this.limits.consume('delete-account', auth.id, {
      points: 5,
      duration: 15 * 60,
      blockDuration: 15 * 60,
    });
    await this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query<{ email: string; password_hash: string; deleted_at: Date | null }[]>(
        `SELECT email, password_hash, deleted_at FROM users WHERE id = $1 FOR UPDATE`,
        [auth.id],
      );
      if (!user || user.deleted_at) throw DomainError.unauthenticated();
      if (!(await verifyPassword(user.password_hash, password)))
        throw new DomainError(ErrorCode.PASSWORD_INCORRECT, 403);

      // Ownership passes on before the membership goes (the company row itself is locked first).
      const [membership] = await manager.query<{ company_id: string; role: string }[]>(
        `SELECT m.company_id, m.role FROM company_memberships m JOIN companies c ON c.id = m.company_id
          WHERE m.user_id = $1 FOR UPDATE OF c, m`,
        [auth.id],
      );
      if (membership?.role === 'owner') {
        await manager.query(
          `UPDATE company_memberships SET role = 'owner'
            WHERE company_id = $1 AND user_id = (
              SELECT user_id FROM company_memberships
               WHERE company_id = $1 AND user_id <> $2 ORDER BY created_at, user_id LIMIT 1)
              AND NOT EXISTS (SELECT 1 FROM company_memberships
                               WHERE company_id = $1 AND user_id <> $2 AND role = 'owner')`,
          [membership.company_id, auth.id],
        );
      }
      await manager.query(`DELETE FROM company_memberships WHERE user_id = $1`, [auth.id]);

      for (const table of [
        'refresh_tokens',
        'user_tokens',
        'notifications',
        'user_consents',
        'calendar_feed_tokens',
        'interpreter_profiles',
        'attendee_blocked_slots',
      ]) {
        await manager.query(`DELETE FROM ${table} WHERE user_id = $1`, [auth.id]);
      }
      await manager.query(`DELETE FROM mail_outbox WHERE lower(to_address) = lower($1)`, [user.email]);
      await manager.query(`UPDATE inquiries SET name = $2, email = $3 WHERE lower(email) = lower($1)`, [
        user.email,
        DELETED_NAME,
        tombstoneEmail(auth.id),
      ]);
      await manager.query(
        `UPDATE users SET email = $2, full_name = $3, password_hash = $4, email_verified_at = NULL,
                deleted_at = $5, updated_at = $5
          WHERE id = $1`,
        [auth.id, tombstoneEmail(auth.id), DELETED_NAME, NO_PASSWORD, this.clock.now()],
      );
    });
    // Committed: the user's access tokens stop working at once, here and (by NOTIFY) on every instance.
    this.sessions.userDeleted(auth.id);
  }
}
