import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { In, Repository, type EntityManager } from 'typeorm';
import type { Language } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { I18nService } from '../../common/i18n.service';
import { JobsService } from '../../common/jobs.service';
import { MailMessage } from './mail-message.entity';
import { renderMail, type MailTemplate, type MailTemplates } from './mail-templates';

export const MAIL_QUEUE = 'mail.deliver';
/** A delivery job's data: the outbox e-mails it delivers (`id`: one e-mail, as jobs queued before batching). */
export interface MailJob {
  ids?: string[];
  id?: string;
}
/** E-mails dispatched within this window go out as one delivery job (at most MAX_PER_JOB each). */
const DISPATCH_WINDOW_MS = 25;
const MAX_PER_JOB = 100;
/** How long an outbox e-mail may wait with no delivery queued before the sweep queues it again. */
export const STRANDED_AFTER_MS = 15 * 60_000;

export interface OutgoingMail<T extends MailTemplate> {
  to: string;
  locale: Language;
  template: T;
  params: MailTemplates[T];
}

/**
 * Every e-mail is written to the outbox table, then delivered by a queued job:
 * over SMTP when SMTP_URL is set, otherwise written to the log (development).
 * Deliveries dispatched close together share one job (one read and one write of the outbox for all of
 * them), so a busy fair does not pay a queue round trip per e-mail.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;
  /** ids dispatched in the current window, not yet in a job */
  private pending: string[] = [];
  private timer?: NodeJS.Timeout;
  private sending = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(MailMessage) private readonly outbox: Repository<MailMessage>,
    private readonly i18n: I18nService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.config.smtpUrl) this.transport = nodemailer.createTransport(this.config.smtpUrl);
    this.jobs.register<MailJob>(MAIL_QUEUE, ({ ids, id }) => this.deliver(ids ?? (id ? [id] : [])));
    // the last window's e-mails are queued before the job queue stops
    this.jobs.beforeStop(() => this.flushPending());
    this.jobs.schedule('mail.redispatch', '*/5 * * * *', async () => {
      await this.redispatchStranded(this.clock.now());
    });
  }

  /**
   * E-mails the outbox holds but whose delivery was never queued: the process stopped between the
   * commit that wrote them and `dispatch`. Queued again (at most 500 per sweep, oldest first) once
   * they are STRANDED_AFTER_MS old, never attempted, and no job for them exists in the queue, active
   * or archived. Returns their ids.
   */
  async redispatchStranded(now: Date): Promise<string[]> {
    // without a running queue (JOBS=false) there are no queue tables, and nothing waits in them
    const [{ queue }]: { queue: boolean }[] = await this.outbox.query(
      `SELECT to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.archive') IS NOT NULL AS queue`,
    );
    const jobFor = (table: string) =>
      `NOT EXISTS (SELECT 1 FROM pgboss.${table} j WHERE j.name = $2
                      AND (j.data->>'id' = o.id::text OR j.data->'ids' ? o.id::text))`;
    const rows: { id: string }[] = await this.outbox.query(
      `SELECT o.id FROM mail_outbox o
        WHERE o.status = 'queued' AND o.attempts = 0 AND o.created_at < $1
          AND ${queue ? `${jobFor('job')} AND ${jobFor('archive')}` : '$2::text IS NOT NULL'}
        ORDER BY o.created_at LIMIT 500`,
      [new Date(now.getTime() - STRANDED_AFTER_MS), MAIL_QUEUE],
    );
    const ids = rows.map((r) => r.id);
    if (ids.length) this.logger.warn(`${ids.length} stranded e-mails queued again`);
    await this.dispatch(ids);
    return ids;
  }

  /** Call after the transaction that caused the mail has committed. Returns the outbox row's id. */
  async send<T extends MailTemplate>(mail: OutgoingMail<T>): Promise<string> {
    const [id] = await this.enqueue(this.outbox.manager, [mail]);
    this.logger.log(`queued ${mail.template} to ${mail.to} (${id})`);
    await this.dispatch([id]);
    return id;
  }

  /**
   * Writes many e-mails to the outbox in one multi-row INSERT inside the caller's transaction, so they
   * stand or fall with the change they tell of. Returns their ids: hand them to `dispatch` after commit.
   */
  async enqueue<T extends MailTemplate>(manager: EntityManager, mails: OutgoingMail<T>[]): Promise<string[]> {
    if (mails.length === 0) return [];
    const insert = this.insert(mails, 1);
    const rows: { id: string }[] = await manager.query(insert.sql, insert.params);
    return rows.map((r) => r.id);
  }

  /**
   * The multi-row INSERT of `enqueue` (each e-mail rendered in its reader's language) with its
   * parameters numbered from `first`, for a statement that chains it to a change (`from`: a relation
   * listed before the rows, e.g. \`changed, \`, so that nothing is written when the change wrote
   * nothing). It returns the ids, in the order of `mails`.
   */
  insert<T extends MailTemplate>(
    mails: OutgoingMail<T>[],
    first: number,
    from = '',
  ): { sql: string; params: unknown[] } {
    const $ = (i: number) => `$${first + i}`;
    const rendered = mails.map((m) => renderMail(this.i18n, m.locale, m.template, m.params));
    return {
      sql: `INSERT INTO mail_outbox (to_address, locale, template, subject, text_body, html_body, status, created_at)
       SELECT a, l, tp, s, tx, h, 'queued', ${$(6)}
         FROM ${from}unnest(${$(0)}::varchar[], ${$(1)}::varchar[], ${$(2)}::varchar[], ${$(3)}::text[], ${$(4)}::text[],
                     ${$(5)}::text[]) WITH ORDINALITY AS r(a, l, tp, s, tx, h, n)
        ORDER BY n
       RETURNING id`,
      params: [
        mails.map((m) => m.to),
        mails.map((m) => m.locale),
        mails.map((m) => m.template),
        rendered.map((r) => r.subject),
        rendered.map((r) => r.text),
        rendered.map((r) => r.html),
        this.clock.now(),
      ],
    };
  }

  /**
   * Queues the delivery of outbox e-mails written by `enqueue`, once their transaction has committed.
   * With a running queue the ids join the current window's job and this resolves at once (a process that
   * stops before the job is written leaves them to the stranded sweep); without one (JOBS=false: tests,
   * tools) they are delivered before this resolves.
   */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    if (!this.jobs.queueing) {
      await this.deliver(ids).catch((e: Error) => this.logger.warn(`mail delivery: ${e.message}`));
      return;
    }
    this.pending.push(...ids);
    this.timer ??= setTimeout(() => void this.flushPending(), DISPATCH_WINDOW_MS);
  }

  /** Writes the window's job(s); resolves once every id dispatched so far is in the queue. */
  async flushPending(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = this.pending;
    this.pending = [];
    const jobs: MailJob[] = [];
    for (let i = 0; i < ids.length; i += MAX_PER_JOB) jobs.push({ ids: ids.slice(i, i + MAX_PER_JOB) });
    this.sending = this.sending.then(async () => {
      if (jobs.length === 0) return;
      this.logger.log(`queued ${ids.length} e-mails`);
      await this.jobs
        .sendMany(MAIL_QUEUE, jobs)
        .catch((e: Error) =>
          this.logger.warn(`mail delivery of ${ids.length} e-mails not queued: ${e.message}`),
        );
    });
    await this.sending;
  }

  /**
   * Delivers the outbox e-mails still queued among `ids`: one read, each sent in turn, one write of
   * every outcome. Throws after the write when any failed, so the job is retried; the ones sent are
   * not sent again.
   */
  async deliver(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const messages = await this.outbox.find({ where: { id: In(ids), status: 'queued' } });
    const failures: string[] = [];
    for (const message of messages) {
      message.attempts += 1;
      try {
        if (this.transport) {
          await this.transport.sendMail({
            from: this.config.mailFrom,
            to: message.to,
            subject: message.subject,
            text: message.text,
            html: message.html ?? undefined,
            headers: { 'Content-Language': message.locale },
          });
          message.status = 'sent';
        } else {
          // No SMTP server configured: the outbox row and this log line are the delivery.
          this.logger.log(`mail to ${message.to}: ${message.subject}\n${message.text}`);
          message.status = 'logged';
        }
        message.sentAt = this.clock.now();
        message.lastError = null;
      } catch (error) {
        message.lastError = error instanceof Error ? error.message : String(error);
        message.status = message.attempts >= 5 ? 'failed' : 'queued';
        failures.push(`${message.id} (attempt ${message.attempts}): ${message.lastError}`);
      }
    }
    if (messages.length) {
      await this.outbox.query(
        `UPDATE mail_outbox o
            SET status = r.status, attempts = r.attempts, last_error = r.last_error, sent_at = r.sent_at
           FROM unnest($1::uuid[], $2::varchar[], $3::int[], $4::text[], $5::timestamptz[])
                AS r(id, status, attempts, last_error, sent_at)
          WHERE o.id = r.id`,
        [
          messages.map((m) => m.id),
          messages.map((m) => m.status),
          messages.map((m) => m.attempts),
          messages.map((m) => m.lastError),
          messages.map((m) => m.sentAt),
        ],
      );
    }
    if (failures.length) {
      for (const f of failures) this.logger.warn(`delivery of ${f} failed`);
      throw new Error(`${failures.length} of ${messages.length} e-mails not delivered`);
    }
  }
}
