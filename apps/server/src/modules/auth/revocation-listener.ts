import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Client } from 'pg';
import { AccessTokenService, type Revocation } from '../../common/access-token.service';
import { Clock } from '../../common/clock';
import { DatabaseNotifications, type NotificationSubscriber } from '../../database/database-notifications';

/** The channel the triggers of migration SessionRevocations notify on. */
export const REVOKED_CHANNEL = 'auth_revoked';

/** `s:<family id>` or `u:<user id>`, as the triggers send them. */
export function parseRevocation(payload: string | undefined): Revocation | null {
  const match = /^([su]):([0-9a-f-]{36})$/i.exec(payload ?? '');
  if (!match) return null;
  return { kind: match[1] === 's' ? 'session' : 'user', id: match[2].toLowerCase() };
}

/**
 * Keeps this instance's set of revoked sessions and deleted users (AccessTokenService) current, so an
 * access token stops working at once on every instance, with no query per request.
 *
 * It hears `auth_revoked` on the instance's listening connection (DatabaseNotifications). Each time that
 * connection listens again, it reloads every revocation still within the access-token lifetime: what
 * was revoked while it was away is picked up (the set only grows, so the order does not matter).
 * Between the loss and the reload, a revocation made on another instance is not known here yet: the
 * token works until the reload.
 */
@Injectable()
export class RevocationListener implements OnModuleInit, NotificationSubscriber {
  readonly channel = REVOKED_CHANNEL;
  /** Completed (re)loads, for tests. */
  loads = 0;

  constructor(
    private readonly notifications: DatabaseNotifications,
    private readonly tokens: AccessTokenService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.notifications.subscribe(this);
  }

  /** The backend pid of the listening connection, null while disconnected (tests terminate it). */
  get backendPid(): number | null {
    return this.notifications.backendPid;
  }

  notify(payload: string): void {
    const revocation = parseRevocation(payload);
    if (revocation) this.tokens.revoke(revocation);
  }

  /** Every session revoked and every account deleted within the retention, added to the set. */
  async resync(client: Client): Promise<void> {
    const since = new Date(this.clock.now().getTime() - this.tokens.retentionMs);
    const { rows } = await client.query<{ kind: 's' | 'u'; id: string; at: Date }>(
      `SELECT 's' AS kind, family_id::text AS id, max(revoked_at) AS at FROM refresh_tokens
        WHERE revoked_at > $1 GROUP BY family_id
       UNION ALL
       SELECT 'u', id::text, deleted_at FROM users WHERE deleted_at > $1`,
      [since],
    );
    for (const row of rows)
      this.tokens.revoke({ kind: row.kind === 's' ? 'session' : 'user', id: row.id }, new Date(row.at));
    this.loads += 1;
  }
}
