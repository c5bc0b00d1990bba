import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language, MeetingStatus, NotificationType } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService, type AuditRecord } from '../audit';
import { MailService } from '../mail';
import {
  NotificationsService,
  toNotification,
  type Notification,
  type NotificationRow,
} from '../notifications';
import { preparedStatement } from '../../common/prepared-statement';
import { RealtimeService } from '../../realtime/realtime.service';

/** What a change of a meeting tells people. */
export interface MeetingEventInput {
  meetingId: string;
  /** a `meeting.*` notification type */
  type: NotificationType;
  /** users who get a stored notification, a live push and an e-mail in their language */
  notify: string[];
  /** the company shown as acting ("{{companyName}} accepted…"); defaults to the other party of each recipient */
  companyName?: string;
  /** extra values for the notification text (e.g. reason, time) */
  data?: Record<string, string>;
  /** who made the change, for the audit log; absent or null: the platform (expiry, no-shows) */
  actorId?: string | null;
}

/** Recorded inside the transaction; hand it to `flush` after commit. */
export interface PendingMeetingEvent {
  meetingId: string;
  fairId: string;
  status: string;
  sequence: number;
  /** user rooms that get `meeting:changed` */
  audience: string[];
  notifications: Notification[];
  /** outbox e-mails written inside the transaction: `flush` queues their delivery */
  queued: string[];
}

/** One reader of one meeting's change, with the values of their text. */
interface Told {
  input: MeetingEventInput;
  m: MeetingFacts;
  user: Recipient;
  data: Record<string, string>;
}

export interface Recipient {
  id: string;
  locale: Language;
  email: string;
  full_name: string;
}

export interface MeetingFacts {
  id: string;
  fair_id: string;
  status: string;
  sequence: number;
  buyer_user_id: string;
  exhibitor_user_id: string;
  interpreter_user_id: string | null;
  buyer_company_name: string;
  exhibitor_company_name: string;
  fair_name_vi: string;
  fair_name_en: string;
  time_zone: string;
  starts_at: Date | null;
}

/**
 * The single way a meeting change reaches people: a stored notification and an outbox e-mail for
 * each recipient in their language, and `meeting:changed` to both attending people and the
 * interpreter so open agendas refresh without a reload.
 */
@Injectable()
export class MeetingEventsService {
  private readonly logger = new Logger('MeetingEvents');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Call inside the transaction that changed the meeting (after the change): the notifications and the
   * outbox e-mails are written in it, so they commit with the change; `flush` after commit pushes them
   * and queues the e-mails' delivery. Three round trips; it runs on every accept, so its read is a
   * prepared statement and its writes are plain multi-row INSERTs.
   */
  async record(manager: EntityManager, input: MeetingEventInput): Promise<PendingMeetingEvent> {
    // the meeting and the people to tell, in one round trip
    const [m]: (MeetingFacts & { users: Recipient[] })[] = await manager.query(
      preparedStatement(
        'meeting-events.record',
        `SELECT m.id, m.fair_id, m.status, m.sequence, m.buyer_user_id, m.exhibitor_user_id, m.interpreter_user_id,
              (SELECT c.name FROM companies c WHERE c.id = m.buyer_company_id) AS buyer_company_name,
              (SELECT c.name FROM companies c WHERE c.id = m.exhibitor_company_id) AS exhibitor_company_name,
              f.name_vi AS fair_name_vi, f.name_en AS fair_name_en, f.time_zone, lower(m.time_range) AS starts_at,
              COALESCE((SELECT json_agg(json_build_object('id', u.id, 'locale', u.locale, 'email', u.email,
                                                          'full_name', u.full_name)
                                        ORDER BY array_position($2::uuid[], u.id))
                          FROM users u WHERE u.id = ANY($2::uuid[])), '[]'::json) AS users
         FROM meetings m
         JOIN fairs f ON f.id = m.fair_id
        WHERE m.id = $1`,
      ),
      [input.meetingId, input.notify],
    );
    const { notifications, queued } = await this.write(
      manager,
      m.users.map((user) => ({ input, m, user, data: valuesFor(m, user, input) })),
      [{ input, m }],
    );
    return { ...eventOf(m), notifications, queued };
  }

  /**
   * `record` for many meetings at once (a chunk of a published schedule), inside their transaction: one
   * query for the meetings and people, one multi-row INSERT for all the notifications and one for all
   * the e-mails, which go straight to the outbox (so they commit with the meetings); `flush` after
   * commit pushes them and queues the e-mails' delivery.
   */
  async recordMany(manager: EntityManager, inputs: MeetingEventInput[]): Promise<PendingMeetingEvent[]> {
    if (inputs.length === 0) return [];
    const meetings: MeetingFacts[] = await manager.query(
      `SELECT m.id, m.fair_id, m.status, m.sequence, m.buyer_user_id, m.exhibitor_user_id, m.interpreter_user_id,
              bc.name AS buyer_company_name, ec.name AS exhibitor_company_name,
              f.name_vi AS fair_name_vi, f.name_en AS fair_name_en, f.time_zone, lower(m.time_range) AS starts_at
         FROM meetings m
         JOIN companies bc ON bc.id = m.buyer_company_id
         JOIN companies ec ON ec.id = m.exhibitor_company_id
         JOIN fairs f ON f.id = m.fair_id
        WHERE m.id = ANY($1::uuid[])`,
      [inputs.map((i) => i.meetingId)],
    );
    const users: Recipient[] = await manager.query(
      `SELECT id, locale, email, full_name FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(inputs.flatMap((i) => i.notify))]],
    );
    const meetingById = new Map(meetings.map((m) => [m.id, m]));
    const userById = new Map(users.map((u) => [u.id, u]));
    const told: Told[] = [];
    for (const input of inputs) {
      const m = meetingById.get(input.meetingId);
      if (!m) throw new Error(`meeting ${input.meetingId} not found`);
      for (const id of input.notify) {
        const user = userById.get(id);
        if (user) told.push({ input, m, user, data: valuesFor(m, user, input) });
      }
    }
    const { notifications, queued } = await this.write(
      manager,
      told,
      inputs.map((input) => ({ input, m: meetingById.get(input.meetingId) as MeetingFacts })),
    );
    // one event per meeting (its notifications, its audience); the e-mails' delivery goes with the first
    const byMeeting = new Map<string, Notification[]>();
    for (const n of notifications) {
      const list = byMeeting.get(n.data.meetingId);
      if (list) list.push(n);
      else byMeeting.set(n.data.meetingId, [n]);
    }
    return inputs.map((input, i) => {
      const m = meetingById.get(input.meetingId) as MeetingFacts;
      return { ...eventOf(m), notifications: byMeeting.get(m.id) ?? [], queued: i === 0 ? queued : [] };
    });
  }

  /**
   * Each reader's notification and e-mail, and each change's audit entry: one multi-row INSERT each, in
   * the caller's transaction.
   */
  private async write(
    manager: EntityManager,
    told: Told[],
    changes: { input: MeetingEventInput; m: MeetingFacts }[],
  ): Promise<{ notifications: Notification[]; queued: string[] }> {
    const { notifications, mails } = this.rowsOf(told);
    await this.audit.recordMany(manager, changes.flatMap(auditOf));
    return {
      notifications: await this.notifications.createMany(manager, notifications),
      queued: await this.mail.enqueue(manager, mails),
    };
  }

  /**
   * For a change written in ONE statement together with what it tells (the accept, the hot path: one
   * round trip, atomic without BEGIN/COMMIT): the CTEs `notified` and `mailed`, which read the caller's
   * CTE `changed` (one row when the change happened; none otherwise, and then they write nothing), with
   * their parameters numbered from `first`. `m` and `users` were read before the statement: the meeting
   * as it is once changed, and the people to tell. Pass what the statement selects from them
   * (`json_agg` of `notified`, `array_agg` of `mailed`'s ids) to `chainedEvent`.
   */
  chained(
    input: MeetingEventInput,
    m: MeetingFacts,
    users: Recipient[],
    first: number,
  ): { ctes: string; params: unknown[] } {
    const told = input.notify.flatMap((id) => {
      const user = users.find((u) => u.id === id);
      return user ? [{ input, m, user, data: valuesFor(m, user, input) }] : [];
    });
    const { notifications, mails } = this.rowsOf(told);
    const notified = this.notifications.insert(notifications, first, 'changed, ');
    const mailed = this.mail.insert(mails, first + notified.params.length, 'changed, ');
    const audited = this.audit.insert(
      auditOf({ input, m }),
      first + notified.params.length + mailed.params.length,
      'changed, ',
    );
    return {
      ctes: `notified AS (${notified.sql}), mailed AS (${mailed.sql}), audited AS (${audited.sql})`,
      params: [...notified.params, ...mailed.params, ...audited.params],
    };
  }

  /** The event of a `chained` write, from what its statement returned; hand it to `flush`. */
  chainedEvent(
    m: MeetingFacts,
    notifications: NotificationRow[] | null,
    queued: string[] | null,
  ): PendingMeetingEvent {
    return { ...eventOf(m), notifications: (notifications ?? []).map(toNotification), queued: queued ?? [] };
  }

  private rowsOf(told: Told[]) {
    return {
      notifications: told.map(({ input, user, data }) => ({ userId: user.id, type: input.type, data })),
      mails: told.map(({ input, m, user, data }) => ({
        to: user.email,
        locale: user.locale,
        template: 'meetingEvent' as const,
        params: { name: user.full_name, type: input.type, data, link: this.meetingLink(m.id) },
      })),
    };
  }

  /** Call after commit: live pushes, then the delivery of the e-mails already in the outbox. */
  async flush(events: PendingMeetingEvent | PendingMeetingEvent[]): Promise<void> {
    const list = Array.isArray(events) ? events : [events];
    for (const event of list) {
      this.notifications.push(event.notifications);
      const changed = {
        meetingId: event.meetingId,
        fairId: event.fairId,
        status: event.status as MeetingStatus,
        sequence: event.sequence,
      };
      // the people of the meeting, and the organizer's meeting desk, which follows every fair live
      this.realtime.toUsersAndOrganizers(event.audience, 'meeting:changed', changed);
    }
    const queued = list.flatMap((e) => e.queued);
    if (queued.length)
      await this.mail.dispatch(queued).catch((e: Error) => this.logger.warn(`mail delivery: ${e.message}`));
  }

  private meetingLink(meetingId: string): string {
    return `${this.config.publicUrl}/meetings/${meetingId}`;
  }
}

/** The values of a meeting's notification text for one reader, in their language. */
function valuesFor(m: MeetingFacts, user: Recipient, input: MeetingEventInput): Record<string, string> {
  const companyName =
    input.companyName ?? (user.id === m.buyer_user_id ? m.exhibitor_company_name : m.buyer_company_name);
  const data: Record<string, string> = {
    ...input.data,
    meetingId: m.id,
    fairId: m.fair_id,
    fairName: user.locale === 'vi' ? m.fair_name_vi : m.fair_name_en,
    companyName,
  };
  if (m.starts_at && !data.time) data.time = formatInZone(m.starts_at, m.time_zone, user.locale);
  return data;
}

/**
 * The audit entry of a meeting's change: who, which change (the notification type), and the meeting's
 * status and start once changed. A reminder changes nothing and has none.
 */
function auditOf({ input, m }: { input: MeetingEventInput; m: MeetingFacts }): AuditRecord[] {
  if (input.type === 'meeting.reminder') return [];
  return [
    {
      actorId: input.actorId ?? null,
      action: input.type,
      entityType: 'meeting',
      entityId: m.id,
      reason: input.data?.reason ?? null,
      after: { status: m.status, startsAt: m.starts_at ? new Date(m.starts_at).toISOString() : null },
    },
  ];
}

/** Who hears `meeting:changed`: both attending people and the interpreter. */
function eventOf(m: MeetingFacts): Omit<PendingMeetingEvent, 'notifications' | 'queued'> {
  return {
    meetingId: m.id,
    fairId: m.fair_id,
    status: m.status,
    sequence: m.sequence,
    audience: [m.buyer_user_id, m.exhibitor_user_id, m.interpreter_user_id].filter(
      (id): id is string => !!id,
    ),
  };
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per language and zone.
const formats = new Map<string, Intl.DateTimeFormat>();

/** "14:30, Thu 3 Dec 2026 (Asia/Ho_Chi_Minh)" in the reader's language. */
export function formatInZone(instant: Date, timeZone: string, locale: string): string {
  const lang = locale === 'vi' ? 'vi-VN' : 'en-GB';
  const key = `${lang} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return `${format.format(instant)} (${timeZone})`;
}
