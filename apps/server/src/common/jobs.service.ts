import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DATABASE_URL } from '../database/database.tokens';

type Handler<T> = (data: T) => Promise<void>;

/** Jobs a worker takes per fetch (pg-boss fetches once per polling interval). */
const BATCH_SIZE = 20;

/**
 * Background work in a PostgreSQL-backed queue (pg-boss): each job runs once,
 * however many server instances there are. Features register handlers in onModuleInit.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, Handler<unknown>>();
  private readonly schedules = new Map<string, { cron: string; handler: () => Promise<void> }>();
  private started = false;
  private stopping = false;
  private stopped?: Promise<void>;
  private readonly lastTasks: (() => Promise<void>)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) databaseUrl: string,
  ) {
    this.boss = new PgBoss({ connectionString: databaseUrl, max: 3, schema: 'pgboss' });
    this.boss.on('error', (error: Error) => {
      // Connections cut while shutting down are expected, not errors.
      if (!this.stopping) this.logger.error(error.message);
    });
  }

  /** Whether jobs go to the queue (JOBS=true, once started) rather than run inline. */
  get queueing(): boolean {
    return this.started;
  }

  /** Work to do at shutdown while the queue still runs, e.g. queuing the e-mails still waiting. */
  beforeStop(task: () => Promise<void>): void {
    this.lastTasks.push(task);
  }

  register<T extends object>(queue: string, handler: Handler<T>): void {
    this.handlers.set(queue, handler as Handler<unknown>);
  }

  /**
   * Runs `handler` on a cron (UTC). pg-boss keeps one schedule row per queue and inserts at most one job
   * per minute, so however many instances run, each tick is handled once. With JOBS=false nothing runs:
   * tests call the work directly with a TestClock.
   */
  schedule(queue: string, cron: string, handler: () => Promise<void>): void {
    this.schedules.set(queue, { cron, handler });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs) return;
    await this.boss.start();
    this.started = true;
    for (const [queue, handler] of this.handlers) {
      await this.boss.createQueue(queue);
      // pg-boss fetches once per polling interval: a batch per fetch keeps up with a busy fair. A job
      // that fails is failed alone (retried with backoff); the others of its batch complete.
      await this.boss.work<object>(
        queue,
        { pollingIntervalSeconds: 1, batchSize: BATCH_SIZE },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await handler(job.data);
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              this.logger.warn(`${queue} job ${job.id} failed: ${message}`);
              await this.boss.fail(queue, job.id, { message });
            }
          }
        },
      );
    }
    for (const [queue, { cron, handler }] of this.schedules) {
      await this.boss.createQueue(queue);
      await this.boss.work(queue, { pollingIntervalSeconds: 5 }, async () => {
        await handler();
      });
      await this.boss.schedule(queue, cron);
    }
  }

  /** Queues a job; without a running queue (JOBS=false) the handler runs inline. */
  async send<T extends object>(queue: string, data: T): Promise<void> {
    if (!this.started) {
      const handler = this.handlers.get(queue);
      if (handler) await handler(data).catch((e: Error) => this.logger.warn(`${queue}: ${e.message}`));
      return;
    }
    await this.boss.send(queue, data, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
  }

  /** Queues many jobs of one queue in a single insert; without a running queue they run inline, in turn. */
  async sendMany<T extends object>(queue: string, data: T[]): Promise<void> {
    if (!this.started) {
      for (const d of data) await this.send(queue, d);
      return;
    }
    await this.boss.insert(
      data.map((d) => ({ name: queue, data: d, retryLimit: 5, retryDelay: 10, retryBackoff: true })),
    );
  }

  /**
   * Shutdown, before any connection closes (the database's close in onApplicationShutdown): the
   * `beforeStop` tasks, then the workers finish the jobs in hand (5 s at most) and the queue stops.
   * Stopped later, a delivery would lose its database midway: the e-mails it had sent would stay
   * queued, and be sent again.
   */
  beforeApplicationShutdown(): Promise<void> {
    this.stopped ??= this.stop();
    return this.stopped;
  }

  /** The same, for a caller (a test) that skips the hook before. */
  onApplicationShutdown(): Promise<void> {
    return this.beforeApplicationShutdown();
  }

  private async stop(): Promise<void> {
    for (const task of this.lastTasks)
      await task().catch((e: Error) => this.logger.warn(`at shutdown: ${e.message}`));
    this.stopping = true;
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
    this.started = false;
  }
}
