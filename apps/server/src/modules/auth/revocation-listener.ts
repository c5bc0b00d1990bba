import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { Client, type Notification } from 'pg';
import { AccessTokenService, type Revocation } from '../../common/access-token.service';
import { Clock } from '../../common/clock';
import { DATABASE_URL } from '../../database/database.tokens';

/** The channel the triggers of migration SessionRevocations notify on. */
export const REVOKED_CHANNEL = 'auth_revoked';
/** Shown in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'craftmatch-revocations';
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;

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
 * One dedicated connection LISTENs on `auth_revoked`. Each time it connects, it first LISTENs and then
 * reloads every revocation still within the access-token lifetime: what was revoked while it was away
 * (a database restart, a dropped connection) is picked up, and what arrives during the reload is not
 * lost either (the set only grows, so the order does not matter). A lost connection is retried with a
 * backoff (100 ms doubling up to 2 s) until the database is back. Between the loss and the reload, a
 * revocation made on another instance is not known here yet: the token works until the reload.
 */
@Injectable()
export class RevocationListener implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Revocations');
  private client: Client | null = null;
  private retry?: NodeJS.Timeout;
  private attempts = 0;
  private stopping = false;
  private connecting?: Promise<void>;
  /** Completed (re)loads, for tests. */
  loads = 0;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly tokens: AccessTokenService,
    private readonly clock: Clock,
  ) {}

  /** Started before the app serves requests: its first load is in place when the first one comes. */
  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /** The backend pid of the listening connection, null while disconnected (tests terminate it). */
  get backendPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.stopping) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      query_timeout: 30_000,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.stopping) return;
      // Once per outage, not on every failed attempt.
      if (this.attempts === 0)
        this.logger.warn(`listener connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message: Notification) => {
      if (message.channel !== REVOKED_CHANNEL) return;
      const revocation = parseRevocation(message.payload);
      if (revocation) this.tokens.revoke(revocation);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOKED_CHANNEL}`);
      await this.load(client);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost) return;
    if (this.stopping) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.attempts > 0) this.logger.log('listener reconnected, revocations reloaded');
    this.attempts = 0;
    this.client = client;
  }

  /** Every session revoked and every account deleted within the retention, added to the set. */
  private async load(client: Client): Promise<void> {
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

  private scheduleReconnect(): void {
    if (this.stopping || this.retry) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.attempts);
    this.attempts += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
    // Never what keeps the process alive.
    this.retry.unref();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async stop(): Promise<void> {
    this.stopping = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
