import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { Repository, type EntityManager } from 'typeorm';
import type { Language } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { I18nService } from '../../common/i18n.service';
import { JobsService } from '../../common/jobs.service';
import { MailMessage } from './mail-message.entity';
import { renderMail, type MailTemplate, type MailTemplates } from './mail-templates';

export const MAIL_QUEUE = 'mail.deliver';
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
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(MailMessage) private readonly outbox: Repository<MailMessage>,
    private readonly i18n: I18nService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.config.smtpUrl) this.transport = nodemailer.createTransport(this.config.smtpUrl);
    this.jobs.register<{ id: string }>(MAIL_QUEUE, ({ id }) => this.deliver(id));
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
      `NOT EXISTS (SELECT 1 FROM pgboss.${table} j WHERE j.name = $2 AND j.data->>'id' = o.id::text)`;
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
    await this.jobs.send(MAIL_QUEUE, { id });
    return id;
  }

  /**
   * Writes many e-mails to the outbox in one multi-row INSERT inside the caller's transaction, so they
   * stand or fall with the change they tell of. Returns their ids: hand them to `dispatch` after commit.
   */
  async enqueue<T extends MailTemplate>(manager: EntityManager, mails: OutgoingMail<T>[]): Promise<string[]> {
    if (mails.length === 0) return [];
    const rendered = mails.map((m) => renderMail(this.i18n, m.locale, m.template, m.params));
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO mail_outbox (to_address, locale, template, subject, text_body, html_body, status, created_at)
       SELECT a, l, tp, s, tx, h, 'queued', $7
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::text[], $6::text[])
              WITH ORDINALITY AS r(a, l, tp, s, tx, h, n)
        ORDER BY n
       RETURNING id`,
      [
        mails.map((m) => m.to),
        mails.map((m) => m.locale),
        mails.map((m) => m.template),
        rendered.map((r) => r.subject),
        rendered.map((r) => r.text),
        rendered.map((r) => r.html),
        this.clock.now(),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Queues the delivery of outbox e-mails written by `enqueue`, once their transaction has committed. */
  async dispatch(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    this.logger.log(`queued ${ids.length} e-mails`);
    await this.jobs.sendMany(
      MAIL_QUEUE,
      ids.map((id) => ({ id })),
    );
  }

  async deliver(id: string): Promise<void> {
    const message = await this.outbox.findOneBy({ id });
    if (!message || message.status === 'sent' || message.status === 'logged') return;
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
      await this.outbox.save(message);
    } catch (error) {
      message.lastError = error instanceof Error ? error.message : String(error);
      message.status = message.attempts >= 5 ? 'failed' : 'queued';
      await this.outbox.save(message);
      this.logger.warn(`delivery of ${id} failed (attempt ${message.attempts}): ${message.lastError}`);
      throw error;
    }
  }
}
