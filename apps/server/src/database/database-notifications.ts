import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, type Notification } from 'pg';
import { DATABASE_URL } from './database.tokens';

/** Shown in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'craftmatch-notifications';
/** Each instance's own marks, to know when it has heard everything committed before (`settled`). */
const SETTLED_CHANNEL = 'craftmatch_settled';
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;

/**
 * What one part of the server keeps in memory from the database, kept current by the NOTIFYs that
 * triggers send on `channel`.
 */
export interface NotificationSubscriber {
  readonly channel: string;
  /** A NOTIFY on the channel (PostgreSQL sends it once the transaction has committed). */
  notify(payload: string): void;
  /**
   * Called each time the connection listens again, before notifications flow to `notify`: what changed
   * while it was away is unknown, so reload it or forget it. The client is the listening connection.
   */
  resync(client: Client): Promise<void>;
  /** The connection is lost: until the next `resync`, changes made elsewhere are not heard. */
  lost?(): void;
}

/**
 * One dedicated connection per server instance that LISTENs on the channels of every subscriber, so each
 * instance hears at once what any instance (or a script in psql) changed.
 *
 * Each time it connects, it first LISTENs and then lets every subscriber resync: what changed while it
 * was away (a database restart, a dropped connection) is picked up, and what arrives during the resync
 * is not lost either. A lost connection is retried with a backoff (100 ms doubling up to 2 s) until the
 * database is back. Subscribers subscribe in their `onModuleInit`; the connection opens when the
 * application bootstraps, before it serves a request.
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly subscribers: NotificationSubscriber[] = [];
  private client: Client | null = null;
  private retry?: NodeJS.Timeout;
  private attempts = 0;
  private started = false;
  private stopping = false;
  private connecting?: Promise<void>;
  /** mark → settles its `settled()` */
  private readonly marks = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  subscribe(subscriber: NotificationSubscriber): void {
    if (this.started) throw new Error(`subscribe to ${subscriber.channel} before the application starts`);
    this.subscribers.push(subscriber);
  }

  /** Listening now (the subscribers hear every change). */
  get connected(): boolean {
    return this.client !== null;
  }

  /** The backend pid of the listening connection, null while disconnected (tests terminate it). */
  get backendPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  /**
   * Resolves once every notification committed before the call has reached the subscribers: PostgreSQL
   * delivers them in commit order, so hearing a mark sent now means the earlier ones were heard.
   * Rejects while disconnected.
   */
  async settled(): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('not listening');
    const mark = randomUUID();
    const heard = new Promise<void>((resolve, reject) => this.marks.set(mark, { resolve, reject }));
    await client.query(`SELECT pg_notify($1, $2)`, [SETTLED_CHANNEL, mark]);
    await heard;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    if (this.subscribers.length) await this.connect();
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
      for (const subscriber of this.subscribers) subscriber.lost?.();
      for (const { reject } of this.marks.values()) reject(new Error('listener connection lost'));
      this.marks.clear();
      if (this.stopping) return;
      // Once per outage, not on every failed attempt.
      if (this.attempts === 0)
        this.logger.warn(`listener connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    // Held back until every subscriber has resynced: a change heard first and then overwritten by an
    // older reload would be lost.
    let held: Notification[] | null = [];
    const deliver = (message: Notification) => {
      if (message.channel === SETTLED_CHANNEL) {
        this.marks.get(message.payload ?? '')?.resolve();
        this.marks.delete(message.payload ?? '');
        return;
      }
      for (const subscriber of this.subscribers)
        if (subscriber.channel === message.channel) subscriber.notify(message.payload ?? '');
    };
    client.on('notification', (message: Notification) => {
      if (held) held.push(message);
      else deliver(message);
    });
    try {
      await client.connect();
      const channels = [...new Set([SETTLED_CHANNEL, ...this.subscribers.map((s) => s.channel)])];
      for (const channel of channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      for (const subscriber of this.subscribers) await subscriber.resync(client);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost) return;
    if (this.stopping) {
      await client.end().catch(() => undefined);
      return;
    }
    const pending = held;
    held = null;
    for (const message of pending) deliver(message);
    if (this.attempts > 0) this.logger.log('listener reconnected');
    this.attempts = 0;
    this.client = client;
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
