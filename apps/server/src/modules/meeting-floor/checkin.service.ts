import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CHECKIN_OPENS_MINUTES_BEFORE,
  ErrorCode,
  type CheckinCode,
  type CheckinResult,
  type MeetingOutcome,
  type MyMeetingOutcome,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MeetingEventsService } from '../meeting-events';
import { CheckinCodes } from './checkin-codes';
import type { SaveMeetingOutcomeDto } from './dto/meeting-floor.dto';
import {
  companyOf,
  iso,
  loadMeeting,
  ORGANIZER_TEAM,
  otherSide,
  sideOf,
  type FloorMeeting,
} from './floor-meeting';

const MINUTE = 60_000;

interface OutcomeRow {
  meeting_id: string;
  company_id: string;
  interest: MeetingOutcome['interest'];
  next_step: MeetingOutcome['nextStep'];
  notes: string | null;
  updated_at: Date;
}

const toOutcome = (r: OutcomeRow): MeetingOutcome => ({
  meetingId: r.meeting_id,
  companyId: r.company_id,
  interest: r.interest,
  nextStep: r.next_step,
  notes: r.notes,
  updatedAt: iso(r.updated_at),
});

/**
 * Check-in by QR code on the fair floor (the other party or the organizer's team scans a side's code
 * during the slot, and the meeting is held), and each company's private outcome of a held meeting.
 */
@Injectable()
export class CheckinService {
  private readonly codes: CheckinCodes;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: MeetingEventsService,
    private readonly clock: Clock,
  ) {
    this.codes = new CheckinCodes(config.jwtSecret);
  }

  /** The caller's own side's code of an accepted meeting; the QR encodes its URL. */
  async code(auth: AuthUser, meetingId: string): Promise<CheckinCode> {
    const m = await loadMeeting(this.dataSource.manager, meetingId);
    const side = sideOf(await companyOf(this.dataSource.manager, auth), m);
    if (!side) throw DomainError.forbidden();
    if (m.status === 'held') throw DomainError.conflict(ErrorCode.ALREADY_CHECKED_IN);
    if (m.status !== 'accepted') throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    const code = this.codes.encode(m.id, side);
    return { meetingId: m.id, side, code, url: `${this.config.publicUrl}/checkin/${code}` };
  }

  /**
   * Scanning proves both sides met only when someone other than the code's owner scans it: a member of
   * the other company, or organizer staff. Open from 10 minutes before the start until the end plus the
   * fair's grace period (the no-show job takes over after that).
   */
  async checkin(auth: AuthUser, input: string): Promise<CheckinResult> {
    const decoded = this.codes.decode(input);
    if (!decoded) throw new DomainError(ErrorCode.CHECKIN_CODE_INVALID, 404);
    let m: FloorMeeting;
    try {
      m = await loadMeeting(this.dataSource.manager, decoded.meetingId);
    } catch {
      throw new DomainError(ErrorCode.CHECKIN_CODE_INVALID, 404);
    }
    const callerSide = sideOf(await companyOf(this.dataSource.manager, auth), m);
    if (callerSide === decoded.side) throw DomainError.conflict(ErrorCode.OWN_CHECKIN_CODE);
    if (callerSide !== otherSide(decoded.side) && !ORGANIZER_TEAM.has(auth.role))
      throw DomainError.forbidden();

    const now = this.clock.now();
    this.assertOpen(m, now);
    const { result, pending } = await this.dataSource.transaction(async (manager) => {
      const [rows, updated]: [{ sequence: number }[], number] = await manager.query(
        `UPDATE meetings m
            SET status = 'held', checked_in_at = $2, checked_in_by = $3, sequence = m.sequence + 1, updated_at = $2
           FROM fairs f
          WHERE m.id = $1 AND f.id = m.fair_id AND m.status = 'accepted'
            AND $2 >= lower(m.time_range) - make_interval(mins => $4)
            AND $2 < upper(m.time_range) + make_interval(mins => f.checkin_grace_minutes)
        RETURNING m.sequence`,
        [m.id, now, auth.id, CHECKIN_OPENS_MINUTES_BEFORE],
      );
      if (updated === 0) {
        // lost a race (another scan, the no-show job, a cancellation): explain with the current state
        this.assertOpen(await loadMeeting(manager, m.id), now);
        throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
      }
      const pending = await this.events.record(manager, {
        meetingId: m.id,
        type: 'meeting.checked_in',
        notify: [m.buyer_user_id, m.exhibitor_user_id],
        actorId: auth.id,
      });
      const result: CheckinResult = {
        meetingId: m.id,
        fairId: m.fair_id,
        status: 'held',
        checkedInAt: iso(now),
        sequence: rows[0].sequence,
        buyerCompanyName: m.buyer_company_name,
        exhibitorCompanyName: m.exhibitor_company_name,
        start: iso(m.starts_at as Date),
        end: iso(m.ends_at as Date),
      };
      return { result, pending };
    });
    await this.events.flush(pending);
    return result;
  }

  async outcome(auth: AuthUser, meetingId: string): Promise<MyMeetingOutcome> {
    const { companyId } = await this.outcomeAccess(auth, meetingId);
    const [row]: OutcomeRow[] = await this.dataSource.query(
      `SELECT meeting_id, company_id, interest, next_step, notes, updated_at
         FROM meeting_outcomes WHERE meeting_id = $1 AND company_id = $2`,
      [meetingId, companyId],
    );
    return { outcome: row ? toOutcome(row) : null };
  }

  /** Each side records its own outcome; the other side never reads it. */
  async saveOutcome(auth: AuthUser, meetingId: string, dto: SaveMeetingOutcomeDto): Promise<MeetingOutcome> {
    const { companyId } = await this.outcomeAccess(auth, meetingId);
    const now = this.clock.now();
    const [row]: OutcomeRow[] = await this.dataSource.query(
      `INSERT INTO meeting_outcomes (meeting_id, company_id, interest, next_step, notes, updated_by, created_at, updated_at)
       SELECT m.id, $2, $3, $4, $5, $6, $7, $7 FROM meetings m WHERE m.id = $1 AND m.status = 'held'
       ON CONFLICT (meeting_id, company_id) DO UPDATE
         SET interest = EXCLUDED.interest, next_step = EXCLUDED.next_step, notes = EXCLUDED.notes,
             updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING meeting_id, company_id, interest, next_step, notes, updated_at`,
      [meetingId, companyId, dto.interest, dto.nextStep, dto.notes || null, auth.id, now],
    );
    if (!row) throw DomainError.conflict(ErrorCode.MEETING_NOT_HELD);
    return toOutcome(row);
  }

  // ---- helpers

  private assertOpen(m: FloorMeeting, now: Date): void {
    if (m.status === 'held') throw DomainError.conflict(ErrorCode.ALREADY_CHECKED_IN);
    if (m.status !== 'accepted' || !m.starts_at || !m.ends_at) {
      throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    }
    const opens = new Date(m.starts_at).getTime() - CHECKIN_OPENS_MINUTES_BEFORE * MINUTE;
    const closes = new Date(m.ends_at).getTime() + m.checkin_grace_minutes * MINUTE;
    if (now.getTime() < opens || now.getTime() >= closes)
      throw DomainError.conflict(ErrorCode.CHECKIN_CLOSED);
  }

  private async outcomeAccess(auth: AuthUser, meetingId: string): Promise<{ companyId: string }> {
    const m = await loadMeeting(this.dataSource.manager, meetingId);
    const companyId = await companyOf(this.dataSource.manager, auth);
    if (!sideOf(companyId, m) || !companyId) throw DomainError.forbidden();
    if (m.status !== 'held') throw DomainError.conflict(ErrorCode.MEETING_NOT_HELD);
    return { companyId };
  }
}
