import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  type FairSlot,
  type MeetingDeclineReason,
  type MeetingDetail,
  type MeetingPlaceKind,
  type MeetingStatus,
  type NotificationType,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { NotificationsService } from '../notifications';
import type { AcceptMeetingDto, CancelMeetingDto, DeclineMeetingDto } from './dto/answer-meeting.dto';
import type { CreateMeetingDto } from './dto/create-meeting.dto';
import { fairSlots, type FairDayHours } from './slots';

const HOUR = 3_600_000;
const READERS = new Set(['organizer', 'organizer_staff']);

interface FairRow {
  id: string;
  name_vi: string;
  name_en: string;
  time_zone: string;
  slot_minutes: number;
  buffer_minutes: number;
  meeting_request_limit: number;
  meeting_request_ttl_hours: number;
}

interface MeetingRow {
  id: string;
  fair_id: string;
  status: MeetingStatus;
  buyer_company_id: string;
  buyer_company_name: string;
  buyer_user_id: string;
  buyer_user_name: string;
  exhibitor_company_id: string;
  exhibitor_company_name: string;
  exhibitor_user_id: string;
  exhibitor_user_name: string;
  requester_company_id: string;
  requested_by_user_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  place_kind: MeetingPlaceKind;
  table_id: string | null;
  video_url: string | null;
  interpreter_language: string | null;
  interpreter_user_id: string | null;
  message: string | null;
  decline_reason: MeetingDeclineReason | null;
  cancel_reason: string | null;
  expires_at: Date;
  sequence: number;
  created_at: Date;
  updated_at: Date;
  proposals: { start: string; end: string }[];
  interpreter_name: string | null;
  awaiting_company_id: string | null;
  reschedule_expires_at: Date | null;
  checked_in_at: Date | null;
  time_zone: string;
  fair_name_vi: string;
  fair_name_en: string;
  booth_code: string | null;
  hall_name: string | null;
  table_code: string | null;
  reschedule_proposals: { start: string; end: string }[] | null;
}

const MEETING_SELECT = `
  SELECT m.id, m.fair_id, m.status, m.buyer_company_id, bc.name AS buyer_company_name, m.buyer_user_id,
         bu.full_name AS buyer_user_name, m.exhibitor_company_id, ec.name AS exhibitor_company_name,
         m.exhibitor_user_id, eu.full_name AS exhibitor_user_name, m.requester_company_id, m.requested_by_user_id,
         lower(m.time_range) AS starts_at, upper(m.time_range) AS ends_at, m.place_kind, m.table_id, m.video_url,
         m.interpreter_language, m.interpreter_user_id, iu.full_name AS interpreter_name, m.message,
         m.decline_reason, m.cancel_reason, m.expires_at, m.sequence, m.created_at, m.updated_at,
         m.awaiting_company_id, m.reschedule_expires_at, m.checked_in_at,
         f.time_zone, f.name_vi AS fair_name_vi, f.name_en AS fair_name_en, b.code AS booth_code, h.name AS hall_name,
         NULL::text AS table_code,
         COALESCE((SELECT json_agg(json_build_object('start', p.slot_start, 'end', p.slot_end) ORDER BY p.slot_start)
                     FROM meeting_proposals p
                    WHERE p.meeting_id = m.id
                      AND p.round = (SELECT max(p2.round) FROM meeting_proposals p2
                                      WHERE p2.meeting_id = m.id AND p2.kind <> 'reschedule')),
                  '[]'::json) AS proposals,
         CASE WHEN m.reschedule_expires_at IS NOT NULL THEN
           COALESCE((SELECT json_agg(json_build_object('start', p.slot_start, 'end', p.slot_end) ORDER BY p.slot_start)
                       FROM meeting_proposals p
                      WHERE p.meeting_id = m.id
                        AND p.round = (SELECT max(p2.round) FROM meeting_proposals p2
                                        WHERE p2.meeting_id = m.id AND p2.kind = 'reschedule')),
                    '[]'::json)
         END AS reschedule_proposals
    FROM meetings m
    JOIN fairs f ON f.id = m.fair_id
    JOIN companies bc ON bc.id = m.buyer_company_id
    JOIN companies ec ON ec.id = m.exhibitor_company_id
    JOIN users bu ON bu.id = m.buyer_user_id
    JOIN users eu ON eu.id = m.exhibitor_user_id
    LEFT JOIN users iu ON iu.id = m.interpreter_user_id
    LEFT JOIN booths b ON b.fair_id = m.fair_id AND b.company_id = m.exhibitor_company_id AND b.status = 'approved'
    LEFT JOIN halls h ON h.id = b.hall_id`;

/**
 * Two transactions inserting overlapping ranges at once may each wait for the other inside the
 * exclusion check; PostgreSQL then aborts one with a deadlock. Retried, it sees the winner's
 * committed range and fails cleanly with the exclusion violation (409 SLOT_TAKEN).
 */
async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code =
        error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code !== '40P01' || attempt >= attempts) throw error;
    }
  }
}

const iso = (value: Date | string): string => new Date(value).toISOString();

function toDetail(row: MeetingRow): MeetingDetail {
  return {
    id: row.id,
    fairId: row.fair_id,
    status: row.status,
    buyer: {
      companyId: row.buyer_company_id,
      companyName: row.buyer_company_name,
      userId: row.buyer_user_id,
      fullName: row.buyer_user_name,
    },
    exhibitor: {
      companyId: row.exhibitor_company_id,
      companyName: row.exhibitor_company_name,
      userId: row.exhibitor_user_id,
      fullName: row.exhibitor_user_name,
    },
    requestedBy: row.requester_company_id === row.buyer_company_id ? 'buyer' : 'exhibitor',
    start: row.starts_at ? iso(row.starts_at) : null,
    end: row.ends_at ? iso(row.ends_at) : null,
    place: row.place_kind,
    tableId: row.table_id,
    videoUrl: row.video_url,
    interpreterLanguage: row.interpreter_language,
    interpreterUserId: row.interpreter_user_id,
    message: row.message,
    declineReason: row.decline_reason,
    cancelReason: row.cancel_reason,
    expiresAt: iso(row.expires_at),
    sequence: row.sequence,
    proposals: row.proposals.map((p) => ({ start: iso(p.start), end: iso(p.end) })),
    awaiting: awaitingSide(row),
    reschedule:
      row.reschedule_expires_at && row.reschedule_proposals
        ? {
            proposals: row.reschedule_proposals.map((p) => ({ start: iso(p.start), end: iso(p.end) })),
            proposedBy: awaitingSide(row) === 'buyer' ? 'exhibitor' : 'buyer',
            expiresAt: iso(row.reschedule_expires_at),
          }
        : null,
    boothCode: row.booth_code,
    hallName: row.hall_name,
    tableCode: row.table_code,
    interpreterName: row.interpreter_name,
    checkedInAt: row.checked_in_at ? iso(row.checked_in_at) : null,
    timeZone: row.time_zone,
    fairName: { vi: row.fair_name_vi, en: row.fair_name_en },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function awaitingSide(row: MeetingRow): 'buyer' | 'exhibitor' | null {
  if (!row.awaiting_company_id) return null;
  return row.awaiting_company_id === row.buyer_company_id ? 'buyer' : 'exhibitor';
}

/** The caller's side of a meeting, or null for anyone else. */
function sideOf(companyId: string | null, row: MeetingRow): 'buyer' | 'exhibitor' | null {
  if (!companyId) return null;
  if (companyId === row.buyer_company_id) return 'buyer';
  if (companyId === row.exhibitor_company_id) return 'exhibitor';
  return null;
}

/** B2B meetings: requests between attending people, answers, and cancellations. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Every bookable slot of a fair, in UTC. */
  async slots(fairId: string): Promise<FairSlot[]> {
    return this.slotsOf(this.dataSource.manager, await this.fair(this.dataSource.manager, fairId));
  }

  /** Either side asks a specific attending person of the other company for a meeting. */
  async request(auth: AuthUser, fairId: string, dto: CreateMeetingDto): Promise<MeetingDetail> {
    const own = await this.approvedCompany(auth);
    const fair = await this.fair(this.dataSource.manager, fairId);
    const now = this.clock.now();

    const available = new Map((await this.slotsOf(this.dataSource.manager, fair)).map((s) => [s.start, s]));
    const proposals: FairSlot[] = [];
    for (const raw of dto.slots) {
      const slot = available.get(iso(raw));
      if (!slot) throw DomainError.validation({ slots: FieldErrorCode.INVALID_VALUE });
      if (new Date(slot.start) <= now) throw DomainError.conflict(ErrorCode.SLOT_STARTED);
      proposals.push(slot);
    }
    proposals.sort((a, b) => a.start.localeCompare(b.start));

    // both people must attend: the buyer person registered for the fair, the exhibitor person at an approved booth
    const [target] = await this.dataSource.query(
      `SELECT c.id AS company_id, c.kind, c.status, u.locale
         FROM company_memberships cm JOIN companies c ON c.id = cm.company_id JOIN users u ON u.id = cm.user_id
        WHERE cm.user_id = $1`,
      [dto.withUserId],
    );
    if (!target) throw DomainError.notFound();
    if (target.kind === own.kind || target.status !== 'approved') throw DomainError.notFound();
    const buyer =
      own.kind === 'buyer'
        ? { company: own.id, user: auth.id }
        : { company: target.company_id, user: dto.withUserId };
    const exhibitor =
      own.kind === 'exhibitor'
        ? { company: own.id, user: auth.id }
        : { company: target.company_id, user: dto.withUserId };
    await this.assertAttending(fairId, buyer, exhibitor);

    const expiresAt = new Date(
      Math.min(
        now.getTime() + fair.meeting_request_ttl_hours * HOUR,
        new Date(proposals[proposals.length - 1].start).getTime(),
      ),
    );

    const { id, notes } = await this.dataSource.transaction(async (manager) => {
      // the cap on pending outgoing requests is counted under a per-company, per-fair lock
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `meetings:${fairId}:${own.id}`,
      ]);
      const [{ pending }] = await manager.query(
        `SELECT count(*)::int AS pending FROM meetings
          WHERE fair_id = $1 AND requester_company_id = $2 AND status = 'requested' AND expires_at > $3`,
        [fairId, own.id, now],
      );
      if (pending >= fair.meeting_request_limit) {
        throw new DomainError(ErrorCode.REQUEST_LIMIT, 409, {
          params: { limit: fair.meeting_request_limit },
        });
      }
      const [row] = await manager.query(
        `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                               requested_by_user_id, requester_company_id, interpreter_language, message, expires_at,
                               created_at, updated_at, awaiting_company_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id`,
        [
          fairId,
          buyer.company,
          exhibitor.company,
          buyer.user,
          exhibitor.user,
          auth.id,
          own.id,
          dto.interpreterLanguage ?? null,
          dto.message || null,
          expiresAt,
          now,
          target.company_id,
        ],
      );
      await manager.query(
        `INSERT INTO meeting_proposals (meeting_id, slot_start, slot_end, proposed_by, round, created_at)
         SELECT $1, s.start, s.end, $2, 1, $3
           FROM jsonb_to_recordset($4::jsonb) AS s(start timestamptz, "end" timestamptz)`,
        [row.id, auth.id, now, JSON.stringify(proposals)],
      );
      const created = await this.notifyIn(manager, [dto.withUserId], 'meeting.requested', fair, own.name, {
        meetingId: row.id,
      });
      return { id: row.id as string, notes: created };
    });
    this.notifications.push(notes);
    return this.get(auth, id);
  }

  /** The receiving side accepts one proposed slot. The database refuses an overlap (409 SLOT_TAKEN). */
  async accept(auth: AuthUser, id: string, dto: AcceptMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    this.assertReceiver(side, row);
    if (row.status !== 'requested') throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    const now = this.clock.now();
    const slotStart = iso(dto.slotStart);
    const proposal = row.proposals.find((p) => iso(p.start) === slotStart);
    if (!proposal) throw DomainError.conflict(ErrorCode.SLOT_NOT_PROPOSED);
    if (new Date(slotStart) <= now) throw DomainError.conflict(ErrorCode.SLOT_STARTED);
    if (new Date(row.expires_at) <= now) throw DomainError.conflict(ErrorCode.MEETING_EXPIRED);
    const fair = await this.fair(this.dataSource.manager, row.fair_id);

    const notes = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        // one statement: the status and the range change together, or the exclusion constraint refuses both
        // an UPDATE answers [rows, affected row count]
        const [, updated]: [unknown[], number] = await manager.query(
          `UPDATE meetings m
            SET status = 'accepted', time_range = tstzrange(p.slot_start, p.slot_end, '[)'),
                sequence = m.sequence + 1, updated_at = $3
           FROM meeting_proposals p
          WHERE m.id = $1 AND m.status = 'requested' AND m.expires_at > $3
            AND p.meeting_id = m.id AND p.slot_start = $2
            AND p.round = (SELECT max(p2.round) FROM meeting_proposals p2 WHERE p2.meeting_id = m.id)
        RETURNING m.id`,
          [id, slotStart, now],
        );
        if (updated === 0) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
        return this.notifyIn(
          manager,
          this.recipients(row, side),
          'meeting.accepted',
          fair,
          this.companyName(row, side),
          {
            meetingId: id,
          },
        );
      }),
    );
    this.notifications.push(notes);
    return this.get(auth, id);
  }

  /** The receiving side declines a pending request with a reason code. */
  async decline(auth: AuthUser, id: string, dto: DeclineMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    this.assertReceiver(side, row);
    await this.transition(row, side, ['requested'], 'declined', 'meeting.declined', {
      set: 'decline_reason = $4',
      value: dto.reasonCode,
      data: {},
    });
    return this.get(auth, id);
  }

  /**
   * Either party cancels an accepted meeting, with a reason; the requesting side may also withdraw
   * a request that is still pending.
   */
  async cancel(auth: AuthUser, id: string, dto: CancelMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    if (!side) throw DomainError.forbidden();
    const requester = row.requester_company_id === auth.companyId;
    const from: MeetingStatus[] = requester ? ['accepted', 'requested'] : ['accepted'];
    await this.transition(row, side, from, 'cancelled', 'meeting.cancelled', {
      set: 'cancel_reason = $4',
      value: dto.reason,
      data: { reason: dto.reason },
    });
    return this.get(auth, id);
  }

  /** Parties of both companies and the organizer's team read a meeting; nobody else does. */
  async get(auth: AuthUser, id: string): Promise<MeetingDetail> {
    return toDetail((await this.load(auth, id)).row);
  }

  /** Every meeting of the caller's company at a fair, in time order (pending requests by their first slot). */
  async mine(auth: AuthUser, fairId: string): Promise<MeetingDetail[]> {
    const company = await this.companyOf(auth);
    if (!company) throw DomainError.forbidden();
    const rows: MeetingRow[] = await this.dataSource.query(
      `${MEETING_SELECT}
        WHERE m.fair_id = $1 AND (m.buyer_company_id = $2 OR m.exhibitor_company_id = $2)
        ORDER BY COALESCE(lower(m.time_range),
                          (SELECT min(p.slot_start) FROM meeting_proposals p WHERE p.meeting_id = m.id)), m.created_at`,
      [fairId, company.id],
    );
    return rows.map(toDetail);
  }

  // ---- helpers

  private async transition(
    row: MeetingRow,
    side: 'buyer' | 'exhibitor' | null,
    from: MeetingStatus[],
    to: MeetingStatus,
    type: NotificationType,
    extra: { set: string; value: string; data: Record<string, string> },
  ): Promise<void> {
    if (!from.includes(row.status)) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    const fair = await this.fair(this.dataSource.manager, row.fair_id);
    const now = this.clock.now();
    const notes = await this.dataSource.transaction(async (manager) => {
      // an UPDATE answers [rows, affected row count]
      const [, updated]: [unknown[], number] = await manager.query(
        `UPDATE meetings SET status = $2, ${extra.set}, sequence = sequence + 1, updated_at = $5
          WHERE id = $1 AND status = ANY($3::text[]) RETURNING id`,
        [row.id, to, from, extra.value, now],
      );
      if (updated === 0) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
      return this.notifyIn(manager, this.recipients(row, side), type, fair, this.companyName(row, side), {
        meetingId: row.id,
        ...extra.data,
      });
    });
    this.notifications.push(notes);
  }

  /** The other party's attending person. */
  private recipients(row: MeetingRow, side: 'buyer' | 'exhibitor' | null): string[] {
    return [side === 'buyer' ? row.exhibitor_user_id : row.buyer_user_id];
  }

  private companyName(row: MeetingRow, side: 'buyer' | 'exhibitor' | null): string {
    return side === 'buyer' ? row.buyer_company_name : row.exhibitor_company_name;
  }

  private async notifyIn(
    manager: EntityManager,
    userIds: string[],
    type: NotificationType,
    fair: FairRow,
    companyName: string,
    data: Record<string, string>,
  ) {
    const users: { id: string; locale: string }[] = await manager.query(
      `SELECT id, locale FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    const notes = [];
    for (const user of users) {
      const fairName = user.locale === 'vi' ? fair.name_vi : fair.name_en;
      notes.push(
        ...(await this.notifications.create(manager, [user.id], type, {
          ...data,
          fairId: fair.id,
          fairName,
          companyName,
        })),
      );
    }
    return notes;
  }

  private assertReceiver(side: 'buyer' | 'exhibitor' | null, row: MeetingRow): void {
    if (!side) throw DomainError.forbidden();
    const receiving = row.requester_company_id === row.buyer_company_id ? 'exhibitor' : 'buyer';
    if (side !== receiving) throw DomainError.forbidden();
  }

  private async load(
    auth: AuthUser,
    id: string,
  ): Promise<{ row: MeetingRow; side: 'buyer' | 'exhibitor' | null }> {
    const [row]: MeetingRow[] = await this.dataSource.query(`${MEETING_SELECT} WHERE m.id = $1`, [id]);
    if (!row) throw DomainError.notFound();
    const company = await this.companyOf(auth);
    const side = sideOf(company?.id ?? null, row);
    if (!side && !READERS.has(auth.role)) throw DomainError.forbidden();
    return { row, side };
  }

  /** The caller's company, read from the database (not the token). */
  private async companyOf(
    auth: AuthUser,
  ): Promise<{ id: string; kind: string; status: string; name: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT c.id, c.kind, c.status, c.name FROM company_memberships cm JOIN companies c ON c.id = cm.company_id
        WHERE cm.user_id = $1`,
      [auth.id],
    );
    return row ?? null;
  }

  private async approvedCompany(auth: AuthUser): Promise<{ id: string; kind: string; name: string }> {
    const company = await this.companyOf(auth);
    if (!company) throw DomainError.forbidden();
    if (company.status !== 'approved') throw new DomainError(ErrorCode.COMPANY_NOT_APPROVED, 403);
    return company;
  }

  private async assertAttending(
    fairId: string,
    buyer: { company: string; user: string },
    exhibitor: { company: string; user: string },
  ): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM fair_participants WHERE fair_id = $1 AND company_id = $2 AND user_id = $3) AS buyer,
              EXISTS (SELECT 1 FROM booths WHERE fair_id = $1 AND company_id = $4 AND status = 'approved') AS exhibitor`,
      [fairId, buyer.company, buyer.user, exhibitor.company],
    );
    if (!row.buyer || !row.exhibitor) throw new DomainError(ErrorCode.NOT_ATTENDING, 409);
  }

  private async fair(manager: EntityManager, fairId: string): Promise<FairRow> {
    const [fair]: FairRow[] = await manager.query(
      `SELECT id, name_vi, name_en, time_zone, slot_minutes, buffer_minutes, meeting_request_limit,
              meeting_request_ttl_hours
         FROM fairs WHERE id = $1 AND status <> 'draft'`,
      [fairId],
    );
    if (!fair) throw DomainError.notFound();
    return fair;
  }

  private async slotsOf(manager: EntityManager, fair: FairRow): Promise<FairSlot[]> {
    const days: FairDayHours[] = await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, to_char(opens_at, 'HH24:MI') AS "opensAt",
              to_char(closes_at, 'HH24:MI') AS "closesAt"
         FROM fair_days WHERE fair_id = $1 ORDER BY day`,
      [fair.id],
    );
    return fairSlots(days, {
      slotMinutes: fair.slot_minutes,
      bufferMinutes: fair.buffer_minutes,
      timeZone: fair.time_zone,
    });
  }
}
