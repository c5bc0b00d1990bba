import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  isLanguage,
  type CalendarFeedToken,
  type CalendarFeedTokenStatus,
  type Language,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { I18nService } from '../../common/i18n.service';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { formatInZone } from '../meeting-events';
import { meetingById, meetingsOfPerson, roleIn, type AgendaMeetingRow } from './agenda-meetings';
import { buildCalendar, type IcsEvent, type IcsStatus } from './ics';

const READERS = new Set(['organizer', 'organizer_staff']);
type Perspective = 'buyer' | 'exhibitor' | 'interpreter' | 'organizer';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function icsStatus(status: AgendaMeetingRow['status']): IcsStatus {
  if (status === 'cancelled' || status === 'declined' || status === 'expired') return 'CANCELLED';
  if (status === 'requested') return 'TENTATIVE';
  return 'CONFIRMED';
}

/** Calendar files of meetings (.ics) and each person's secret, subscribable feed. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  /** One meeting as a calendar file, for its parties, its interpreter and the organizer's team. */
  async meetingIcs(auth: AuthUser, meetingId: string): Promise<string> {
    const [row] = await meetingById(this.dataSource.manager, meetingId);
    if (!row) throw DomainError.notFound();
    const perspective = await this.perspective(auth, row);
    if (!row.starts_at || !row.ends_at) throw DomainError.conflict(ErrorCode.MEETING_NOT_SCHEDULED);
    const lng = await this.languageOf(auth.id);
    return buildCalendar({ events: [this.event(row, perspective, lng)] });
  }

  /** Every scheduled meeting of the token's owner, cancelled ones included (so calendars drop them). */
  async feed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw DomainError.notFound();
    const [owner] = await this.dataSource.query(
      `SELECT u.id, u.full_name, u.locale FROM calendar_feed_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [hashToken(token)],
    );
    if (!owner) throw DomainError.notFound();
    const lng: Language = isLanguage(owner.locale) ? owner.locale : 'en';
    const rows = await meetingsOfPerson(this.dataSource.manager, owner.id, null);
    return buildCalendar({
      name: this.i18n.t(lng, 'calendar:calendarName', { name: owner.full_name }),
      events: rows.map((row) => this.event(row, roleIn(row, owner.id), lng)),
    });
  }

  async tokenStatus(auth: AuthUser): Promise<CalendarFeedTokenStatus> {
    const [row] = await this.dataSource.query(
      `SELECT created_at FROM calendar_feed_tokens WHERE user_id = $1`,
      [auth.id],
    );
    return { active: !!row, createdAt: row ? new Date(row.created_at).toISOString() : null };
  }

  /** A new secret feed link; the old one stops working at once. Only the hash is stored. */
  async regenerate(auth: AuthUser): Promise<CalendarFeedToken> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.dataSource.query(
      `INSERT INTO calendar_feed_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
      [auth.id, hashToken(token), now],
    );
    const url = `${this.config.publicUrl}/api/calendar/feed/${token}.ics`;
    return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://'), createdAt: now.toISOString() };
  }

  // ---- helpers

  private async perspective(auth: AuthUser, row: AgendaMeetingRow): Promise<Perspective> {
    if (row.buyer_user_id === auth.id) return 'buyer';
    if (row.exhibitor_user_id === auth.id) return 'exhibitor';
    if (row.interpreter_user_id === auth.id) return 'interpreter';
    const [membership] = await this.dataSource.query(
      `SELECT company_id FROM company_memberships WHERE user_id = $1`,
      [auth.id],
    );
    if (membership?.company_id === row.buyer_company_id) return 'buyer';
    if (membership?.company_id === row.exhibitor_company_id) return 'exhibitor';
    if (READERS.has(auth.role)) return 'organizer';
    throw DomainError.forbidden();
  }

  private async languageOf(userId: string): Promise<Language> {
    const [user] = await this.dataSource.query(`SELECT locale FROM users WHERE id = $1`, [userId]);
    return isLanguage(user?.locale) ? user.locale : 'en';
  }

  private event(row: AgendaMeetingRow, perspective: Perspective, lng: Language): IcsEvent {
    const t = (key: string, options: Record<string, string> = {}) =>
      this.i18n.t(lng, `calendar:${key}`, options);
    const start = new Date(row.starts_at!);
    const end = new Date(row.ends_at!);
    const cancelled = icsStatus(row.status) === 'CANCELLED';
    const both = { buyer: row.buyer_company_name, exhibitor: row.exhibitor_company_name };
    const summary =
      perspective === 'buyer'
        ? t(cancelled ? 'event.summaryCancelled' : 'event.summary', { company: row.exhibitor_company_name })
        : perspective === 'exhibitor'
          ? t(cancelled ? 'event.summaryCancelled' : 'event.summary', { company: row.buyer_company_name })
          : perspective === 'interpreter'
            ? t(cancelled ? 'event.summaryInterpreterCancelled' : 'event.summaryInterpreter', both)
            : t(cancelled ? 'event.summaryOrganizerCancelled' : 'event.summaryOrganizer', both);

    const lines = [t('event.fair', { fair: lng === 'vi' ? row.fair_name_vi : row.fair_name_en })];
    if (perspective === 'buyer') {
      lines.push(t('event.with', { person: row.exhibitor_user_name, company: row.exhibitor_company_name }));
    } else if (perspective === 'exhibitor') {
      lines.push(t('event.with', { person: row.buyer_user_name, company: row.buyer_company_name }));
    } else {
      lines.push(t('event.buyer', { person: row.buyer_user_name, company: row.buyer_company_name }));
      lines.push(
        t('event.exhibitor', { person: row.exhibitor_user_name, company: row.exhibitor_company_name }),
      );
    }
    if (row.interpreter_language) {
      const language = languageName(row.interpreter_language, lng);
      lines.push(
        row.interpreter_name
          ? t('event.interpreter', { language, name: row.interpreter_name })
          : t('event.interpreterWaiting', { language }),
      );
    }
    lines.push(t('event.status', { status: t(`status.${row.status}`) }));
    lines.push(t('event.fairTime', { time: formatInZone(start, row.time_zone, lng) }));
    const url = `${this.config.publicUrl}/meetings/${row.id}`;
    lines.push(t('event.link', { url }));

    return {
      uid: `${row.id}@craftmatch`,
      sequence: row.sequence,
      status: icsStatus(row.status),
      start,
      end,
      timeZone: row.time_zone,
      summary,
      description: lines.join('\n'),
      location: this.location(row, t),
      url,
      created: new Date(row.created_at),
      lastModified: new Date(row.updated_at),
    };
  }

  private location(row: AgendaMeetingRow, t: (key: string, o?: Record<string, string>) => string): string {
    if (row.place_kind === 'online' && row.video_url) return t('location.online', { url: row.video_url });
    if (row.place_kind === 'table' && row.table_code) {
      const venue = row.table_hall_name ? `${row.table_hall_name}, ${row.venue}` : row.venue;
      return t('location.table', { name: row.table_code, venue });
    }
    if (row.booth_code) {
      return row.booth_hall_name
        ? t('location.booth', { code: row.booth_code, hall: row.booth_hall_name, venue: row.venue })
        : t('location.boothNoHall', { code: row.booth_code, venue: row.venue });
    }
    return t('location.venue', { venue: row.venue });
  }
}

/** "Japanese", or "tiếng Nhật" (lower case, as Vietnamese writes it mid-sentence). */
function languageName(code: string, lng: Language): string {
  let name: string;
  try {
    name = new Intl.DisplayNames([lng], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
  return lng === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}
