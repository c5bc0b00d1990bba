import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  type FairInterpreter,
  type InterpreterSelf,
  type MeetingAwaitingInterpreter,
  type MeetingInterpreter,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { MeetingEventsService, type PendingMeetingEvent } from '../meeting-events';
import type { AssignInterpreterDto, RegisterInterpreterDto } from './dto/interpreter.dto';
import { withDeadlockRetry } from '../../common/deadlock-retry';

const pgCode = (error: unknown): string | undefined =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;

/** Two assignments of one interpreter to overlapping meetings: the exclusion constraint refuses one. */
const LOST_RACE = new Set(['23P01', '40P01']);

/** Interpreters of meeting `$1` who speak its language and work its whole slot (`free`: no other meeting then). */
const ELIGIBLE = `
  SELECT u.id, u.full_name,
         NOT EXISTS (SELECT 1 FROM meetings o
                      WHERE o.interpreter_user_id = u.id AND o.id <> m.id AND o.status IN ('accepted','held')
                        AND o.time_range && m.time_range) AS free,
         (SELECT count(*) FROM meetings a
           WHERE a.interpreter_user_id = u.id AND a.fair_id = m.fair_id AND a.status IN ('accepted','held')) AS load
    FROM meetings m
    JOIN interpreter_profiles p ON m.interpreter_language = ANY (p.languages)
    JOIN users u ON u.id = p.user_id AND u.role = 'interpreter'
   WHERE m.id = $1
     AND EXISTS (SELECT 1 FROM interpreter_shifts s
                  WHERE s.fair_id = m.fair_id AND s.user_id = u.id AND s.shift @> m.time_range)`;

interface MeetingFacts {
  id: string;
  status: string;
  interpreter_language: string | null;
  interpreter_user_id: string | null;
  buyer_user_id: string;
  exhibitor_user_id: string;
}

/** Interpreters registered by the organizer, their languages and working slots, and their assignment to meetings. */
@Injectable()
export class InterpretersService {
  private readonly logger = new Logger('Interpreters');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: MeetingEventsService,
    private readonly clock: Clock,
  ) {}

  /** Every interpreter account, with their languages and their shifts at this fair. */
  async list(fairId: string): Promise<FairInterpreter[]> {
    await this.assertFair(fairId);
    const rows = await this.dataSource.query(
      `SELECT u.id, u.full_name, u.email, COALESCE(p.languages, '{}') AS languages,
              COALESCE((SELECT json_agg(json_build_object('start', lower(s.shift), 'end', upper(s.shift))
                                        ORDER BY lower(s.shift))
                          FROM interpreter_shifts s WHERE s.fair_id = $1 AND s.user_id = u.id), '[]'::json) AS shifts,
              (SELECT count(*)::int FROM meetings m
                WHERE m.fair_id = $1 AND m.interpreter_user_id = u.id AND m.status IN ('accepted','held')) AS assigned
         FROM users u LEFT JOIN interpreter_profiles p ON p.user_id = u.id
        WHERE u.role = 'interpreter'
        ORDER BY u.full_name, u.id`,
      [fairId],
    );
    return rows.map(
      (r: {
        id: string;
        full_name: string;
        email: string;
        languages: string[];
        shifts: { start: string; end: string }[];
        assigned: number;
      }): FairInterpreter => ({
        userId: r.id,
        fullName: r.full_name,
        email: r.email,
        languages: r.languages as FairInterpreter['languages'],
        shifts: r.shifts.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
        assignedMeetings: r.assigned,
      }),
    );
  }

  /** The signed-in interpreter's languages and the fairs where they have shifts, soonest first. */
  async self(userId: string): Promise<InterpreterSelf> {
    const [profile] = await this.dataSource.query(
      `SELECT languages FROM interpreter_profiles WHERE user_id = $1`,
      [userId],
    );
    const fairs = await this.dataSource.query(
      `SELECT f.id, f.name_vi, f.name_en, f.time_zone,
              json_agg(json_build_object('start', lower(s.shift), 'end', upper(s.shift)) ORDER BY lower(s.shift)) AS shifts
         FROM interpreter_shifts s JOIN fairs f ON f.id = s.fair_id
        WHERE s.user_id = $1
        GROUP BY f.id
        ORDER BY min(lower(s.shift)), f.id`,
      [userId],
    );
    return {
      userId,
      languages: profile?.languages ?? [],
      fairs: fairs.map(
        (f: {
          id: string;
          name_vi: string;
          name_en: string;
          time_zone: string;
          shifts: { start: string; end: string }[];
        }) => ({
          fairId: f.id,
          fairNameVi: f.name_vi,
          fairNameEn: f.name_en,
          timeZone: f.time_zone,
          shifts: f.shifts.map((x) => ({ start: iso(x.start), end: iso(x.end) })),
        }),
      ),
    };
  }

  /** Replaces an interpreter's languages and their shifts at this fair (overlapping shifts are merged). */
  async register(fairId: string, userId: string, dto: RegisterInterpreterDto): Promise<FairInterpreter> {
    await this.assertFair(fairId);
    dto.shifts.forEach((shift, i) => {
      if (new Date(shift.start) >= new Date(shift.end)) {
        throw DomainError.validation({ [`shifts.${i}.end`]: FieldErrorCode.INVALID_VALUE });
      }
    });
    const [user] = await this.dataSource.query(
      `SELECT id FROM users WHERE id = $1 AND role = 'interpreter'`,
      [userId],
    );
    if (!user) throw DomainError.notFound();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO interpreter_profiles (user_id, languages, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET languages = EXCLUDED.languages, updated_at = EXCLUDED.updated_at`,
        [userId, dto.languages, now],
      );
      await manager.query(`DELETE FROM interpreter_shifts WHERE fair_id = $1 AND user_id = $2`, [
        fairId,
        userId,
      ]);
      await manager.query(
        `INSERT INTO interpreter_shifts (fair_id, user_id, shift, created_at)
         SELECT $1, $2, r, $4
           FROM unnest((SELECT range_agg(tstzrange(s.start, s."end", '[)'))
                          FROM jsonb_to_recordset($3::jsonb) AS s(start timestamptz, "end" timestamptz))) AS r`,
        [fairId, userId, JSON.stringify(dto.shifts), now],
      );
    });
    return (await this.list(fairId)).find((i) => i.userId === userId)!;
  }

  /** Removes the interpreter's shifts at this fair; meetings already assigned keep them. */
  async unregister(fairId: string, userId: string): Promise<void> {
    await this.assertFair(fairId);
    await this.dataSource.query(`DELETE FROM interpreter_shifts WHERE fair_id = $1 AND user_id = $2`, [
      fairId,
      userId,
    ]);
  }

  /** Accepted or held meetings that asked for an interpreter and have none yet, with who could take them. */
  async waiting(fairId: string): Promise<MeetingAwaitingInterpreter[]> {
    await this.assertFair(fairId);
    const rows = await this.dataSource.query(
      `SELECT m.id, m.fair_id, m.status, lower(m.time_range) AS starts_at, upper(m.time_range) AS ends_at,
              m.interpreter_language, m.buyer_company_id, bc.name AS buyer_company_name, m.buyer_user_id,
              bu.full_name AS buyer_user_name, m.exhibitor_company_id, ec.name AS exhibitor_company_name,
              m.exhibitor_user_id, eu.full_name AS exhibitor_user_name,
              COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'fullName', u.full_name)
                                        ORDER BY u.full_name, u.id)
                          FROM interpreter_profiles p JOIN users u ON u.id = p.user_id AND u.role = 'interpreter'
                         WHERE m.interpreter_language = ANY (p.languages)
                           AND EXISTS (SELECT 1 FROM interpreter_shifts s
                                        WHERE s.fair_id = m.fair_id AND s.user_id = u.id AND s.shift @> m.time_range)
                           AND NOT EXISTS (SELECT 1 FROM meetings o
                                            WHERE o.interpreter_user_id = u.id AND o.status IN ('accepted','held')
                                              AND o.time_range && m.time_range)), '[]'::json) AS candidates
         FROM meetings m
         JOIN companies bc ON bc.id = m.buyer_company_id
         JOIN companies ec ON ec.id = m.exhibitor_company_id
         JOIN users bu ON bu.id = m.buyer_user_id
         JOIN users eu ON eu.id = m.exhibitor_user_id
        WHERE m.fair_id = $1 AND m.status IN ('accepted','held') AND m.interpreter_language IS NOT NULL
          AND m.interpreter_user_id IS NULL
        ORDER BY lower(m.time_range), m.id`,
      [fairId],
    );
    return rows.map((r: Record<string, never>): MeetingAwaitingInterpreter => ({
      meetingId: r.id,
      fairId: r.fair_id,
      status: r.status,
      start: iso(r.starts_at),
      end: iso(r.ends_at),
      language: r.interpreter_language,
      buyer: {
        companyId: r.buyer_company_id,
        companyName: r.buyer_company_name,
        userId: r.buyer_user_id,
        fullName: r.buyer_user_name,
      },
      exhibitor: {
        companyId: r.exhibitor_company_id,
        companyName: r.exhibitor_company_name,
        userId: r.exhibitor_user_id,
        fullName: r.exhibitor_user_name,
      },
      candidates: r.candidates,
    }));
  }

  /**
   * The organizer assigns an interpreter by hand (or replaces the one assigned). They must speak the
   * language and work that slot; a meeting of theirs at the same time is refused by the database
   * (409 SLOT_TAKEN).
   */
  async assign(meetingId: string, dto: AssignInterpreterDto): Promise<MeetingInterpreter> {
    const meeting = await this.needingInterpreter(this.dataSource.manager, meetingId);
    if (meeting.interpreter_user_id === dto.userId) return this.current(meetingId);
    const eligible: { id: string }[] = await this.dataSource.query(`${ELIGIBLE} AND u.id = $2`, [
      meetingId,
      dto.userId,
    ]);
    if (eligible.length === 0) throw DomainError.conflict(ErrorCode.INTERPRETER_NOT_ELIGIBLE);
    const event = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const [, updated]: [unknown[], number] = await manager.query(
          `UPDATE meetings SET interpreter_user_id = $2, sequence = sequence + 1, updated_at = $3
            WHERE id = $1 AND status IN ('accepted','held') AND interpreter_language IS NOT NULL
              AND interpreter_user_id IS NOT DISTINCT FROM $4
          RETURNING id`,
          [meetingId, dto.userId, this.clock.now(), meeting.interpreter_user_id],
        );
        if (updated === 0) throw DomainError.conflict(ErrorCode.CONFLICT);
        return this.assignedEvent(manager, meeting, dto.userId);
      }),
    );
    await this.events.flush(event);
    return this.current(meetingId);
  }

  /** The organizer takes the interpreter off a meeting; it then waits for one again. */
  async unassign(meetingId: string): Promise<void> {
    const meeting = await this.needingInterpreter(this.dataSource.manager, meetingId);
    if (!meeting.interpreter_user_id) return;
    const event = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE meetings SET interpreter_user_id = NULL, sequence = sequence + 1, updated_at = $2 WHERE id = $1`,
        [meetingId, this.clock.now()],
      );
      // no notification type exists for this; both parties' open agendas still refresh
      return this.events.record(manager, {
        meetingId,
        type: 'meeting.interpreter_assigned',
        notify: [],
      });
    });
    // the removed interpreter's agenda refreshes too
    event.audience.push(meeting.interpreter_user_id);
    await this.events.flush(event);
  }

  /**
   * After a meeting needing an interpreter is accepted: assigns a free interpreter for its language and
   * slot in its own transaction, and tells everyone (meeting.interpreter_assigned). Answers the
   * interpreter's user id, or null when none is free or the assignment lost a race; the meeting's
   * acceptance stands either way and it then waits for an interpreter.
   */
  async autoAssign(meetingId: string): Promise<string | null> {
    const lost: string[] = [];
    // a lost race excludes that interpreter and tries the next free one, a few times at most
    for (let attempt = 0; attempt < 3; attempt++) {
      let candidate: string | null = null;
      try {
        const result = await this.dataSource.transaction(async (manager) => {
          const [meeting]: MeetingFacts[] = await manager.query(
            `SELECT id, status, interpreter_language, interpreter_user_id, buyer_user_id, exhibitor_user_id
               FROM meetings
              WHERE id = $1 AND status IN ('accepted','held') AND interpreter_language IS NOT NULL
                AND interpreter_user_id IS NULL`,
            [meetingId],
          );
          if (!meeting) return null;
          const [pick]: { id: string }[] = await manager.query(
            `SELECT e.id FROM (${ELIGIBLE}) e
              WHERE e.free AND NOT (e.id = ANY ($2::uuid[]))
              ORDER BY e.load, e.id LIMIT 1`,
            [meetingId, lost],
          );
          if (!pick) return null;
          candidate = pick.id;
          const [, updated]: [unknown[], number] = await manager.query(
            `UPDATE meetings SET interpreter_user_id = $2, sequence = sequence + 1, updated_at = $3
              WHERE id = $1 AND status IN ('accepted','held') AND interpreter_user_id IS NULL
            RETURNING id`,
            [meetingId, pick.id, this.clock.now()],
          );
          if (updated === 0) return null;
          return { userId: pick.id, event: await this.assignedEvent(manager, meeting, pick.id) };
        });
        if (!result) return null;
        await this.events.flush(result.event);
        return result.userId;
      } catch (error) {
        if (LOST_RACE.has(pgCode(error) ?? '') && candidate) {
          lost.push(candidate);
          continue;
        }
        // the acceptance already committed; the meeting simply waits for an interpreter
        this.logger.warn(`interpreter for ${meetingId}: ${(error as Error).message}`);
        return null;
      }
    }
    return null;
  }

  // ---- helpers

  private assignedEvent(
    manager: EntityManager,
    meeting: MeetingFacts,
    interpreterId: string,
  ): Promise<PendingMeetingEvent> {
    return this.events.record(manager, {
      meetingId: meeting.id,
      type: 'meeting.interpreter_assigned',
      notify: [meeting.buyer_user_id, meeting.exhibitor_user_id, interpreterId],
    });
  }

  private async needingInterpreter(manager: EntityManager, meetingId: string): Promise<MeetingFacts> {
    const [meeting]: MeetingFacts[] = await manager.query(
      `SELECT id, status, interpreter_language, interpreter_user_id, buyer_user_id, exhibitor_user_id
         FROM meetings WHERE id = $1`,
      [meetingId],
    );
    if (!meeting) throw DomainError.notFound();
    if (!['accepted', 'held'].includes(meeting.status) || !meeting.interpreter_language) {
      throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    }
    return meeting;
  }

  private async current(meetingId: string): Promise<MeetingInterpreter> {
    const [row] = await this.dataSource.query(
      `SELECT m.id, m.interpreter_user_id, u.full_name, m.sequence
         FROM meetings m LEFT JOIN users u ON u.id = m.interpreter_user_id WHERE m.id = $1`,
      [meetingId],
    );
    return {
      meetingId: row.id,
      interpreterUserId: row.interpreter_user_id,
      interpreterName: row.full_name,
      sequence: row.sequence,
    };
  }

  private async assertFair(fairId: string): Promise<void> {
    const [fair] = await this.dataSource.query(`SELECT id FROM fairs WHERE id = $1`, [fairId]);
    if (!fair) throw DomainError.notFound();
  }
}

const iso = (value: Date | string): string => new Date(value).toISOString();
