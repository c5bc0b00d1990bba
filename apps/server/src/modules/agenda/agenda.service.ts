import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Agenda, AgendaDay, AgendaMeeting, MeetingParty, UserRole } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { meetingsOfPerson, roleIn, type AgendaMeetingRow } from './agenda-meetings';
import { localDate } from './zoned';

const READERS = new Set<UserRole>(['organizer', 'organizer_staff']);
const iso = (value: Date | string): string => new Date(value).toISOString();

function toAgendaMeeting(row: AgendaMeetingRow, userId: string): AgendaMeeting {
  const buyer: MeetingParty = {
    companyId: row.buyer_company_id,
    companyName: row.buyer_company_name,
    userId: row.buyer_user_id,
    fullName: row.buyer_user_name,
  };
  const exhibitor: MeetingParty = {
    companyId: row.exhibitor_company_id,
    companyName: row.exhibitor_company_name,
    userId: row.exhibitor_user_id,
    fullName: row.exhibitor_user_name,
  };
  const role = roleIn(row, userId);
  return {
    id: row.id,
    status: row.status,
    start: iso(row.starts_at!),
    end: iso(row.ends_at!),
    sequence: row.sequence,
    role,
    buyer,
    exhibitor,
    otherParty: role === 'buyer' ? exhibitor : role === 'exhibitor' ? buyer : null,
    place: row.place_kind,
    booth: row.booth_code ? { code: row.booth_code, hallName: row.booth_hall_name } : null,
    table:
      row.table_id && row.table_code
        ? { id: row.table_id, code: row.table_code, hallName: row.table_hall_name }
        : null,
    videoUrl: row.video_url,
    interpreterLanguage: row.interpreter_language,
    interpreter:
      row.interpreter_user_id && row.interpreter_name
        ? { userId: row.interpreter_user_id, fullName: row.interpreter_name }
        : null,
  };
}

/** One person's meetings at a fair, by day in the fair's time zone. */
@Injectable()
export class AgendaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's own agenda, or (organizer's team only) anyone's. */
  async agenda(auth: AuthUser, fairId: string, userId?: string): Promise<Agenda> {
    const personId = userId ?? auth.id;
    if (personId !== auth.id && !READERS.has(auth.role)) throw DomainError.forbidden();
    const [person] = await this.dataSource.query(
      `SELECT id, full_name, role, locale FROM users WHERE id = $1`,
      [personId],
    );
    if (!person) throw DomainError.notFound();
    const [fair] = await this.dataSource.query(
      `SELECT id, name_vi, name_en, time_zone FROM fairs WHERE id = $1 AND (status <> 'draft' OR $2)`,
      [fairId, READERS.has(auth.role)],
    );
    if (!fair) throw DomainError.notFound();

    const [days, rows, blocked] = await Promise.all([
      this.dataSource.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS date, to_char(opens_at, 'HH24:MI') AS opens_at,
                to_char(closes_at, 'HH24:MI') AS closes_at
           FROM fair_days WHERE fair_id = $1 ORDER BY day`,
        [fairId],
      ) as Promise<{ date: string; opens_at: string; closes_at: string }[]>,
      meetingsOfPerson(this.dataSource.manager, personId, fairId),
      this.dataSource.query(
        `SELECT lower(slot) AS start, upper(slot) AS "end" FROM attendee_blocked_slots
          WHERE fair_id = $1 AND user_id = $2 ORDER BY lower(slot)`,
        [fairId, personId],
      ) as Promise<{ start: Date; end: Date }[]>,
    ]);

    const byDate = new Map<string, AgendaDay>(
      days.map((d) => [d.date, { date: d.date, opensAt: d.opens_at, closesAt: d.closes_at, meetings: [] }]),
    );
    for (const row of rows) {
      const date = localDate(new Date(row.starts_at!), fair.time_zone);
      let day = byDate.get(date);
      if (!day) {
        day = { date, opensAt: null, closesAt: null, meetings: [] };
        byDate.set(date, day);
      }
      day.meetings.push(toAgendaMeeting(row, personId));
    }
    return {
      fairId: fair.id,
      fairNameVi: fair.name_vi,
      fairNameEn: fair.name_en,
      timeZone: fair.time_zone,
      person: { userId: person.id, fullName: person.full_name, role: person.role, locale: person.locale },
      days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
      blocked: blocked.map((b) => ({ start: iso(b.start), end: iso(b.end) })),
    };
  }
}
