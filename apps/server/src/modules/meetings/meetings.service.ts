import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedStatement } from '../../common/prepared-statement';
import { withDeadlockRetry } from '../../common/deadlock-retry';
import {
  ErrorCode,
  FieldErrorCode,
  type Availability,
  type FairAttendee,
  type FairSlot,
  type PersonSlot,
  type MeetingDeclineReason,
  type MeetingDetail,
  type MeetingPlaceKind,
  type MeetingStatus,
  type NotificationType,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { JobsService } from '../../common/jobs.service';
import { InterpretersService } from '../interpreters';
import type { NotificationRow } from '../notifications';
import { MeetingEventsService, type PendingMeetingEvent, type Recipient } from '../meeting-events';
import type { AcceptMeetingDto, CancelMeetingDto, DeclineMeetingDto } from './dto/answer-meeting.dto';
import type {
  AcceptRescheduleDto,
  CounterMeetingDto,
  RescheduleMeetingDto,
  SetAvailabilityDto,
  UpdateMeetingDto,
} from './dto/change-meeting.dto';
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

type Side = 'buyer' | 'exhibitor';

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
  /** both attending people, as told of a change (only when loaded `withPeople`) */
  people?: Recipient[];
}

// The names around a meeting come from scalar subqueries on primary or unique keys rather than joins:
// the same index lookups, but PostgreSQL no longer searches join orders over ten relations, which cost
// ~7 ms of planning on every read of a single meeting (measured with pg_stat_statements under
// bench:booking).
const MEETING_SELECT = `
  SELECT m.id, m.fair_id, m.status, m.buyer_company_id,
         (SELECT c.name FROM companies c WHERE c.id = m.buyer_company_id) AS buyer_company_name, m.buyer_user_id,
         (SELECT u.full_name FROM users u WHERE u.id = m.buyer_user_id) AS buyer_user_name, m.exhibitor_company_id,
         (SELECT c.name FROM companies c WHERE c.id = m.exhibitor_company_id) AS exhibitor_company_name,
         m.exhibitor_user_id, (SELECT u.full_name FROM users u WHERE u.id = m.exhibitor_user_id) AS exhibitor_user_name,
         m.requester_company_id, m.requested_by_user_id,
         lower(m.time_range) AS starts_at, upper(m.time_range) AS ends_at, m.place_kind, m.table_id, m.video_url,
         m.interpreter_language, m.interpreter_user_id,
         (SELECT u.full_name FROM users u WHERE u.id = m.interpreter_user_id) AS interpreter_name, m.message,
         m.decline_reason, m.cancel_reason, m.expires_at, m.sequence, m.created_at, m.updated_at,
         m.awaiting_company_id, m.reschedule_expires_at, m.checked_in_at,
         f.time_zone, f.name_vi AS fair_name_vi, f.name_en AS fair_name_en,
         (SELECT b.code FROM booths b
           WHERE b.fair_id = m.fair_id AND b.company_id = m.exhibitor_company_id AND b.status = 'approved') AS booth_code,
         (SELECT h.name FROM booths b JOIN halls h ON h.id = b.hall_id
           WHERE b.fair_id = m.fair_id AND b.company_id = m.exhibitor_company_id AND b.status = 'approved') AS hall_name,
         (SELECT t.code FROM b2b_tables t WHERE t.id = m.table_id) AS table_code,
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
    JOIN fairs f ON f.id = m.fair_id`;

/** The advisory lock of one person `k`, in the one order of `PERSON_KEYS` (shared by every statement). */
const PERSON_LOCK = `pg_advisory_xact_lock(hashtextextended('meeting-person:' || k, 0))`;
const PERSON_KEYS = (param: string) => `unnest(${param}::text[]) WITH ORDINALITY AS t(k, o)`;
const personLockKeys = (userIds: string[]): string[] => [...new Set(userIds)].sort();

/**
 * Queues transactions that book the same people, in one global order (sorted keys), before they
 * touch the exclusion constraints. Without it, concurrent inserts into a GiST exclusion index can
 * wait on each other's uncommitted entries and deadlock, costing a second of deadlock detection
 * each; with it, the 2nd..Nth contender waits, then meets the constraint and gets SLOT_TAKEN.
 * The constraint stays the guarantee: this lock only orders the contenders.
 */
async function lockPersons(manager: EntityManager, userIds: string[]): Promise<void> {
  await manager.query(
    preparedStatement('meetings.lock-persons', `SELECT ${PERSON_LOCK} FROM ${PERSON_KEYS('$1')} ORDER BY o`),
    [personLockKeys(userIds)],
  );
}

/**
 * The accept in ONE statement, so one round trip and atomic without BEGIN/COMMIT: the people's locks
 * (as `lockPersons`, taken before the exclusion constraints are touched), the blocked-slot check, the
 * change and, chained to it by `MeetingEventsService.chained` (from $9 on), the notification and the
 * outbox e-mail. A change that does not happen writes nothing; a clash fails the whole statement.
 */
const ACCEPT = (events: string) => `
  WITH locked AS MATERIALIZED (
         SELECT count(${PERSON_LOCK}) AS n FROM (SELECT k FROM ${PERSON_KEYS('$1')} ORDER BY o) keys),
       checked AS MATERIALIZED (
         SELECT EXISTS (SELECT 1 FROM attendee_blocked_slots b
                         WHERE b.fair_id = $2 AND b.user_id = $3 AND b.slot && tstzrange($4, $5, '[)')) AS blocked
           FROM locked),
       changed AS (
         UPDATE meetings m
            SET status = 'accepted', time_range = tstzrange(p.slot_start, p.slot_end, '[)'),
                awaiting_company_id = NULL, sequence = m.sequence + 1, updated_at = $6
           FROM meeting_proposals p
          WHERE m.id = $7 AND m.status = 'requested' AND m.expires_at > $6 AND m.awaiting_company_id = $8
            AND p.meeting_id = m.id AND p.slot_start = $4
            AND p.round = (SELECT max(p2.round) FROM meeting_proposals p2 WHERE p2.meeting_id = m.id)
            AND NOT (SELECT blocked FROM checked)
        RETURNING m.sequence, m.updated_at),
       ${events}
  SELECT (SELECT blocked FROM checked) AS blocked, c.sequence, c.updated_at,
         (SELECT json_agg(n) FROM notified n) AS notifications, (SELECT array_agg(o.id) FROM mailed o) AS queued
    FROM (SELECT 1) one LEFT JOIN changed c ON true`;

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

function awaitingSide(row: MeetingRow): Side | null {
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

/** An UPDATE through `manager.query` answers [rows, affected row count]. */
type Updated<T = { id: string }> = [T[], number];

/** B2B meetings: requests, answers, counter-proposals, edits, reschedules, expiry, no-shows and reminders. */
@Injectable()
export class MeetingsService implements OnModuleInit {
  private readonly logger = new Logger('Meetings');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: MeetingEventsService,
    private readonly interpreters: InterpretersService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // every minute; pg-boss inserts one job per tick for all instances together
    this.jobs.schedule('meetings-expire', '* * * * *', async () => {
      await this.expireDue(this.clock.now());
    });
    this.jobs.schedule('meetings-no-show', '* * * * *', async () => {
      await this.markNoShows(this.clock.now());
    });
    this.jobs.schedule('meetings-reminders', '* * * * *', async () => {
      await this.sendReminders(this.clock.now());
    });
  }

  /** Every bookable slot of a fair, in UTC. */
  async slots(fairId: string): Promise<FairSlot[]> {
    return this.slotsOf(this.dataSource.manager, await this.fair(this.dataSource.manager, fairId));
  }

  // ---- attendees and availability

  /** Attending people of the other side whom the caller, attending the fair, may ask for a meeting. */
  async attendees(auth: AuthUser, fairId: string, companyId?: string): Promise<FairAttendee[]> {
    const own = await this.attendingCompany(auth, fairId);
    const rows: {
      user_id: string;
      full_name: string;
      company_id: string;
      company_name: string;
      country_code: string | null;
      booth_code: string | null;
      hall_name: string | null;
    }[] =
      own.kind === 'exhibitor'
        ? await this.dataSource.query(
            `SELECT u.id AS user_id, u.full_name, c.id AS company_id, c.name AS company_name, c.country_code,
                    NULL AS booth_code, NULL AS hall_name
               FROM fair_participants p
               JOIN companies c ON c.id = p.company_id AND c.status = 'approved' AND c.kind = 'buyer'
               JOIN users u ON u.id = p.user_id
              WHERE p.fair_id = $1 AND ($2::uuid IS NULL OR c.id = $2)
              ORDER BY c.name, u.full_name`,
            [fairId, companyId ?? null],
          )
        : await this.dataSource.query(
            `SELECT u.id AS user_id, u.full_name, c.id AS company_id, c.name AS company_name, c.country_code,
                    b.code AS booth_code, h.name AS hall_name
               FROM booths b
               JOIN companies c ON c.id = b.company_id AND c.status = 'approved' AND c.kind = 'exhibitor'
               JOIN company_memberships cm ON cm.company_id = c.id
               JOIN users u ON u.id = cm.user_id
               LEFT JOIN halls h ON h.id = b.hall_id
              WHERE b.fair_id = $1 AND b.status = 'approved' AND ($2::uuid IS NULL OR c.id = $2)
              ORDER BY c.name, u.full_name`,
            [fairId, companyId ?? null],
          );
    return rows.map((r) => ({
      userId: r.user_id,
      fullName: r.full_name,
      companyId: r.company_id,
      companyName: r.company_name,
      countryCode: r.country_code ? r.country_code.trim() : null,
      side: own.kind === 'exhibitor' ? 'buyer' : 'exhibitor',
      boothCode: r.booth_code,
      hallName: r.hall_name,
    }));
  }

  /** Each fair slot with whether that person is free in it; never says with whom they are busy. */
  async personSlots(auth: AuthUser, fairId: string, userId: string): Promise<PersonSlot[]> {
    const own = await this.attendingCompany(auth, fairId);
    const fair = await this.fair(this.dataSource.manager, fairId);
    const [person] = await this.dataSource.query(
      `SELECT c.id FROM company_memberships cm JOIN companies c ON c.id = cm.company_id WHERE cm.user_id = $1`,
      [userId],
    );
    // an attending person of the other side, or a colleague of the caller
    if (!person) throw DomainError.notFound();
    if (person.id !== own.id) {
      const attending = await this.isAttending(fairId, userId);
      if (!attending || attending === own.kind) throw DomainError.notFound();
    }
    const busy: { lo: Date; hi: Date }[] = await this.dataSource.query(
      `SELECT lower(slot) AS lo, upper(slot) AS hi FROM attendee_blocked_slots WHERE fair_id = $1 AND user_id = $2
       UNION ALL
       SELECT lower(time_range), upper(time_range) FROM meetings
        WHERE (buyer_user_id = $2 OR exhibitor_user_id = $2) AND status IN ('accepted','held')`,
      [fairId, userId],
    );
    return (await this.slotsOf(this.dataSource.manager, fair)).map((slot) => {
      const [start, end] = [new Date(slot.start).getTime(), new Date(slot.end).getTime()];
      const taken = busy.some((b) => new Date(b.lo).getTime() < end && new Date(b.hi).getTime() > start);
      return { ...slot, free: !taken };
    });
  }

  /** The slots the caller marked as not available at a fair. */
  async availability(auth: AuthUser, fairId: string): Promise<Availability> {
    await this.attendingPerson(auth, fairId);
    return this.blockedOf(this.dataSource.manager, fairId, auth.id);
  }

  /** Replaces the caller's blocked slots; each must be a slot of the fair. */
  async setAvailability(auth: AuthUser, fairId: string, dto: SetAvailabilityDto): Promise<Availability> {
    await this.attendingPerson(auth, fairId);
    const fair = await this.fair(this.dataSource.manager, fairId);
    const grid = new Map((await this.slotsOf(this.dataSource.manager, fair)).map((s) => [s.start, s]));
    const slots = dto.blocked.map((raw) => {
      const slot = grid.get(iso(raw));
      if (!slot) throw DomainError.validation({ blocked: FieldErrorCode.INVALID_VALUE });
      return slot;
    });
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM attendee_blocked_slots WHERE fair_id = $1 AND user_id = $2`, [
        fairId,
        auth.id,
      ]);
      await manager.query(
        `INSERT INTO attendee_blocked_slots (fair_id, user_id, slot, created_at)
         SELECT $1, $2, tstzrange(s.start, s.end, '[)'), $4
           FROM jsonb_to_recordset($3::jsonb) AS s(start timestamptz, "end" timestamptz)`,
        [fairId, auth.id, JSON.stringify(slots), this.clock.now()],
      );
      return this.blockedOf(manager, fairId, auth.id);
    });
  }

  // ---- requests and answers

  /** Either side asks a specific attending person of the other company for a meeting. */
  async request(auth: AuthUser, fairId: string, dto: CreateMeetingDto): Promise<MeetingDetail> {
    const own = await this.approvedCompany(auth);
    const fair = await this.fair(this.dataSource.manager, fairId);
    const now = this.clock.now();
    const proposals = await this.proposedSlots(fair, dto.slots, now);

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

    const { id, event } = await this.dataSource.transaction(async (manager) => {
      await this.assertFree(manager, fairId, dto.withUserId, proposals);
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
          this.expiry(fair, proposals, now),
          now,
          target.company_id,
        ],
      );
      await this.insertRound(manager, row.id, 'request', proposals, auth.id, now);
      const recorded = await this.events.record(manager, {
        meetingId: row.id,
        type: 'meeting.requested',
        notify: [dto.withUserId],
        companyName: own.name,
        actorId: auth.id,
      });
      return { id: row.id as string, event: recorded };
    });
    await this.events.flush(event);
    return this.get(auth, id);
  }

  /** The awaited side accepts one proposed slot. The database refuses an overlap (409 SLOT_TAKEN). */
  async accept(auth: AuthUser, id: string, dto: AcceptMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id, true);
    this.assertAwaited(side, row, 'requested');
    const now = this.clock.now();
    const slotStart = iso(dto.slotStart);
    const proposal = row.proposals.find((p) => iso(p.start) === slotStart);
    if (!proposal) throw DomainError.conflict(ErrorCode.SLOT_NOT_PROPOSED);
    if (new Date(slotStart) <= now) throw DomainError.conflict(ErrorCode.SLOT_STARTED);
    if (new Date(row.expires_at) <= now) throw DomainError.conflict(ErrorCode.MEETING_EXPIRED);
    const slot = { start: slotStart, end: iso(proposal.end) };

    // the meeting as the accept leaves it, for what it tells the other person
    const accepted: MeetingRow = {
      ...row,
      status: 'accepted',
      starts_at: new Date(slot.start),
      ends_at: new Date(slot.end),
      awaiting_company_id: null,
    };
    const input = {
      meetingId: id,
      type: 'meeting.accepted' as const,
      notify: [this.otherPerson(row, side)],
      actorId: auth.id,
    };
    const events = this.events.chained(input, accepted, row.people ?? [], 9);
    const [result]: {
      blocked: boolean;
      sequence: number | null;
      updated_at: Date | null;
      notifications: NotificationRow[] | null;
      queued: string[] | null;
    }[] = await withDeadlockRetry(() =>
      this.dataSource.query(preparedStatement('meetings.accept', ACCEPT(events.ctes)), [
        personLockKeys([row.buyer_user_id, row.exhibitor_user_id]),
        row.fair_id,
        this.personOf(row, side),
        slot.start,
        slot.end,
        now,
        id,
        this.companyOf(row, side),
        ...events.params,
      ]),
    );
    if (result.blocked) throw DomainError.conflict(ErrorCode.SLOT_UNAVAILABLE);
    if (result.sequence === null || result.updated_at === null) {
      throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    }
    await this.events.flush(
      this.events.chainedEvent(
        { ...accepted, sequence: result.sequence },
        result.notifications,
        result.queued,
      ),
    );
    if (row.interpreter_language) {
      await this.assignInterpreter(row);
      return this.get(auth, id);
    }
    // what the statement changed, on the row read before it (no second read on the hot path)
    return toDetail({ ...accepted, sequence: result.sequence, updated_at: result.updated_at });
  }

  /** The awaited side declines a pending request with a reason code. */
  async decline(auth: AuthUser, id: string, dto: DeclineMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    this.assertAwaited(side, row, 'requested');
    await this.change(auth, row, 'meeting.declined', [this.otherPerson(row, side)], {}, (manager, now) =>
      manager.query(
        `UPDATE meetings SET status = 'declined', decline_reason = $3, awaiting_company_id = NULL,
                sequence = sequence + 1, updated_at = $4
          WHERE id = $1 AND status = 'requested' AND awaiting_company_id = $2 RETURNING id`,
        [row.id, this.companyOf(row, side), dto.reasonCode, now],
      ),
    );
    return this.get(auth, id);
  }

  /** The awaited side proposes other slots; now the other side is awaited. */
  async counter(auth: AuthUser, id: string, dto: CounterMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    this.assertAwaited(side, row, 'requested');
    const fair = await this.fair(this.dataSource.manager, row.fair_id);
    const now = this.clock.now();
    const proposals = await this.proposedSlots(fair, dto.slots, now);
    await this.change(
      auth,
      row,
      'meeting.counter_proposed',
      [this.otherPerson(row, side)],
      {},
      async (manager) => {
        await this.assertFree(manager, row.fair_id, this.otherPerson(row, side), proposals);
        const result: Updated = await manager.query(
          `UPDATE meetings SET awaiting_company_id = $3, expires_at = $4, message = COALESCE($5, message),
                  sequence = sequence + 1, updated_at = $6
            WHERE id = $1 AND status = 'requested' AND awaiting_company_id = $2 RETURNING id`,
          [
            row.id,
            this.companyOf(row, side),
            this.companyOf(row, other(side)),
            this.expiry(fair, proposals, now),
            dto.message || null,
            now,
          ],
        );
        if (result[1] > 0) await this.insertRound(manager, row.id, 'counter', proposals, auth.id, now);
        return result;
      },
    );
    return this.get(auth, id);
  }

  /** The requester changes a pending request the other side has not answered yet. */
  async update(auth: AuthUser, id: string, dto: UpdateMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    if (!side) throw DomainError.forbidden();
    if (row.requester_company_id !== this.companyOf(row, side)) throw DomainError.forbidden();
    if (row.status !== 'requested' || row.awaiting_company_id === this.companyOf(row, side)) {
      throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    }
    if (dto.slots === undefined && dto.message === undefined && dto.interpreterLanguage === undefined) {
      throw DomainError.validation({ slots: FieldErrorCode.REQUIRED });
    }
    const fair = await this.fair(this.dataSource.manager, row.fair_id);
    const now = this.clock.now();
    const proposals = dto.slots ? await this.proposedSlots(fair, dto.slots, now) : null;
    await this.change(auth, row, 'meeting.updated', [this.otherPerson(row, side)], {}, async (manager) => {
      if (proposals) await this.assertFree(manager, row.fair_id, this.otherPerson(row, side), proposals);
      const result: Updated = await manager.query(
        `UPDATE meetings
            SET expires_at = COALESCE($3, expires_at),
                message = CASE WHEN $4::boolean THEN $5 ELSE message END,
                interpreter_language = CASE WHEN $6::boolean THEN $7 ELSE interpreter_language END,
                sequence = sequence + 1, updated_at = $8
          WHERE id = $1 AND status = 'requested' AND awaiting_company_id = $2 RETURNING id`,
        [
          row.id,
          this.companyOf(row, other(side)),
          proposals ? this.expiry(fair, proposals, now) : null,
          dto.message !== undefined,
          dto.message || null,
          dto.interpreterLanguage !== undefined,
          dto.interpreterLanguage ?? null,
          now,
        ],
      );
      if (result[1] > 0 && proposals)
        await this.insertRound(manager, row.id, 'request', proposals, auth.id, now);
      return result;
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
    const requester = row.requester_company_id === this.companyOf(row, side);
    const from: MeetingStatus[] = requester ? ['accepted', 'requested'] : ['accepted'];
    if (!from.includes(row.status)) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    const notify = [this.otherPerson(row, side), row.interpreter_user_id].filter((u): u is string => !!u);
    await this.change(auth, row, 'meeting.cancelled', notify, { reason: dto.reason }, (manager, now) =>
      manager.query(
        `UPDATE meetings SET status = 'cancelled', cancel_reason = $3, awaiting_company_id = NULL,
                reschedule_expires_at = NULL, sequence = sequence + 1, updated_at = $4
          WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`,
        [row.id, from, dto.reason, now],
      ),
    );
    return this.get(auth, id);
  }

  // ---- reschedule

  /** Either party of an accepted meeting proposes new slots; the meeting keeps its time meanwhile. */
  async reschedule(auth: AuthUser, id: string, dto: RescheduleMeetingDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    if (!side) throw DomainError.forbidden();
    const now = this.clock.now();
    if (row.status !== 'accepted' || (row.starts_at && new Date(row.starts_at) <= now)) {
      throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    }
    const fair = await this.fair(this.dataSource.manager, row.fair_id);
    const proposals = await this.proposedSlots(fair, dto.slots, now);
    await this.change(
      auth,
      row,
      'meeting.reschedule_proposed',
      [this.otherPerson(row, side)],
      {},
      async (manager) => {
        await this.assertFree(manager, row.fair_id, this.otherPerson(row, side), proposals);
        // a pending reschedule blocks another one until it is answered or lapses
        const result: Updated = await manager.query(
          `UPDATE meetings SET awaiting_company_id = $2, reschedule_expires_at = $3,
                  message = COALESCE($4, message), sequence = sequence + 1, updated_at = $5
            WHERE id = $1 AND status = 'accepted' AND lower(time_range) > $5
              AND (reschedule_expires_at IS NULL OR reschedule_expires_at <= $5) RETURNING id`,
          [
            row.id,
            this.companyOf(row, other(side)),
            this.expiry(fair, proposals, now),
            dto.message || null,
            now,
          ],
        );
        if (result[1] > 0) await this.insertRound(manager, row.id, 'reschedule', proposals, auth.id, now);
        return result;
      },
    );
    return this.get(auth, id);
  }

  /** The awaited side moves the meeting to one proposed slot; an overlap leaves the old time (409 SLOT_TAKEN). */
  async acceptReschedule(auth: AuthUser, id: string, dto: AcceptRescheduleDto): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    const now = this.clock.now();
    this.assertRescheduleAwaited(side, row, now);
    const slotStart = iso(dto.slotStart);
    const proposal = row.reschedule_proposals?.find((p) => iso(p.start) === slotStart);
    if (!proposal) throw DomainError.conflict(ErrorCode.SLOT_NOT_PROPOSED);
    if (new Date(slotStart) <= now) throw DomainError.conflict(ErrorCode.SLOT_STARTED);
    const slot = { start: slotStart, end: iso(proposal.end) };
    const notify = [this.otherPerson(row, side), row.interpreter_user_id].filter((u): u is string => !!u);

    const event = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        await lockPersons(manager, [row.buyer_user_id, row.exhibitor_user_id]);
        await this.assertFree(manager, row.fair_id, this.personOf(row, side), [slot]);
        // the interpreter booked for the old time is released; one is looked for again after commit
        const [, updated]: Updated = await manager.query(
          `UPDATE meetings
              SET time_range = tstzrange($2, $3, '[)'), interpreter_user_id = NULL, awaiting_company_id = NULL,
                  reschedule_expires_at = NULL, reminder_sent_at = NULL, sequence = sequence + 1, updated_at = $5
            WHERE id = $1 AND status = 'accepted' AND awaiting_company_id = $4 AND reschedule_expires_at > $5
              AND lower(time_range) > $5
            RETURNING id`,
          [id, slot.start, slot.end, this.companyOf(row, side), now],
        );
        if (updated === 0) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
        return this.events.record(manager, {
          meetingId: id,
          type: 'meeting.rescheduled',
          notify,
          actorId: auth.id,
        });
      }),
    );
    await this.events.flush(event);
    await this.assignInterpreter(row);
    return this.get(auth, id);
  }

  /** The awaited side keeps the current time. */
  async declineReschedule(auth: AuthUser, id: string): Promise<MeetingDetail> {
    const { row, side } = await this.load(auth, id);
    this.assertRescheduleAwaited(side, row, this.clock.now());
    await this.change(
      auth,
      row,
      'meeting.reschedule_declined',
      [this.otherPerson(row, side)],
      {},
      (manager, now) =>
        manager.query(
          `UPDATE meetings SET awaiting_company_id = NULL, reschedule_expires_at = NULL,
                sequence = sequence + 1, updated_at = $3
          WHERE id = $1 AND status = 'accepted' AND awaiting_company_id = $2 AND reschedule_expires_at > $3
          RETURNING id`,
          [row.id, this.companyOf(row, side), now],
        ),
    );
    return this.get(auth, id);
  }

  // ---- reading

  /** Parties of both companies and the organizer's team read a meeting; nobody else does. */
  async get(auth: AuthUser, id: string): Promise<MeetingDetail> {
    return toDetail((await this.load(auth, id)).row);
  }

  /** Every meeting of the caller's company at a fair, in time order (pending requests by their first slot). */
  async mine(auth: AuthUser, fairId: string): Promise<MeetingDetail[]> {
    const company = await this.ownCompany(auth);
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

  // ---- scheduled work (pg-boss cron; tests call these with a TestClock)

  /**
   * Pending requests whose proposed slots have all begun, or past the fair's time limit, expire (both
   * people are told); reschedule proposals that lapsed are dropped.
   */
  async expireDue(now: Date): Promise<{ expired: string[]; lapsedReschedules: string[] }> {
    const { expired, lapsed, events } = await this.dataSource.transaction(async (manager) => {
      const [rows]: Updated<{ id: string; buyer_user_id: string; exhibitor_user_id: string }> =
        await manager.query(
          `UPDATE meetings SET status = 'expired', awaiting_company_id = NULL, sequence = sequence + 1,
                  updated_at = $1
            WHERE status = 'requested' AND expires_at <= $1
            RETURNING id, buyer_user_id, exhibitor_user_id`,
          [now],
        );
      const [stale]: Updated = await manager.query(
        `UPDATE meetings SET awaiting_company_id = NULL, reschedule_expires_at = NULL, sequence = sequence + 1,
                updated_at = $1
          WHERE reschedule_expires_at <= $1 RETURNING id`,
        [now],
      );
      const recorded: PendingMeetingEvent[] = [];
      for (const r of rows) {
        recorded.push(
          await this.events.record(manager, {
            meetingId: r.id,
            type: 'meeting.expired',
            notify: [r.buyer_user_id, r.exhibitor_user_id],
          }),
        );
      }
      // no notification type of its own: both agendas just refresh
      for (const r of stale) {
        recorded.push(
          await this.events.record(manager, {
            meetingId: r.id,
            type: 'meeting.reschedule_declined',
            notify: [],
          }),
        );
      }
      return { expired: rows.map((r) => r.id), lapsed: stale.map((r) => r.id), events: recorded };
    });
    await this.events.flush(events);
    if (expired.length || lapsed.length) {
      this.logger.log(`expired ${expired.length} requests, dropped ${lapsed.length} reschedules`);
    }
    return { expired, lapsedReschedules: lapsed };
  }

  /** Accepted meetings nobody checked in by their end plus the fair's grace period become no-shows. */
  async markNoShows(now: Date): Promise<string[]> {
    const { ids, events } = await this.dataSource.transaction(async (manager) => {
      const [rows]: Updated = await manager.query(
        `UPDATE meetings m SET status = 'no_show', awaiting_company_id = NULL, reschedule_expires_at = NULL,
                sequence = m.sequence + 1, updated_at = $1
           FROM fairs f
          WHERE f.id = m.fair_id AND m.status = 'accepted' AND m.checked_in_at IS NULL
            AND upper(m.time_range) + make_interval(mins => f.checkin_grace_minutes) <= $1
          RETURNING m.id`,
        [now],
      );
      const recorded: PendingMeetingEvent[] = [];
      // no notification type of its own: both agendas just refresh
      for (const r of rows) {
        recorded.push(
          await this.events.record(manager, { meetingId: r.id, type: 'meeting.expired', notify: [] }),
        );
      }
      return { ids: rows.map((r) => r.id), events: recorded };
    });
    await this.events.flush(events);
    return ids;
  }

  /**
   * Reminds both people (and the interpreter) of accepted meetings starting within the fair's reminder
   * window. The UPDATE claims each reminder, so two instances never send one twice.
   */
  async sendReminders(now: Date): Promise<string[]> {
    const { ids, events } = await this.dataSource.transaction(async (manager) => {
      const [rows]: Updated<{
        id: string;
        buyer_user_id: string;
        exhibitor_user_id: string;
        interpreter_user_id: string | null;
      }> = await manager.query(
        `UPDATE meetings m SET reminder_sent_at = $1
           FROM fairs f
          WHERE f.id = m.fair_id AND m.status = 'accepted' AND m.reminder_sent_at IS NULL
            AND lower(m.time_range) > $1
            AND lower(m.time_range) <= $1 + make_interval(mins => f.reminder_minutes)
          RETURNING m.id, m.buyer_user_id, m.exhibitor_user_id, m.interpreter_user_id`,
        [now],
      );
      const recorded: PendingMeetingEvent[] = [];
      for (const r of rows) {
        const notify = [r.buyer_user_id, r.exhibitor_user_id, r.interpreter_user_id].filter(
          (u): u is string => !!u,
        );
        recorded.push(
          await this.events.record(manager, { meetingId: r.id, type: 'meeting.reminder', notify }),
        );
      }
      return { ids: rows.map((r) => r.id), events: recorded };
    });
    await this.events.flush(events);
    return ids;
  }

  // ---- helpers

  /**
   * Runs one guarded UPDATE (answering [rows, count]) and records the event in the same transaction;
   * nothing changed means another answer came first (409).
   */
  private async change(
    auth: AuthUser,
    row: MeetingRow,
    type: NotificationType,
    notify: string[],
    data: Record<string, string>,
    update: (manager: EntityManager, now: Date) => Promise<Updated>,
  ): Promise<void> {
    const now = this.clock.now();
    const event = await this.dataSource.transaction(async (manager) => {
      const [, updated] = await update(manager, now);
      if (updated === 0) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
      return this.events.record(manager, { meetingId: row.id, type, notify, data, actorId: auth.id });
    });
    await this.events.flush(event);
  }

  /** After an acceptance commits: the interpreter service looks for a free interpreter on its own. */
  private async assignInterpreter(row: MeetingRow): Promise<void> {
    if (!row.interpreter_language) return;
    try {
      await this.interpreters.autoAssign(row.id);
    } catch (error) {
      // the acceptance stands; the meeting waits for an interpreter
      this.logger.warn(`interpreter for ${row.id}: ${(error as Error).message}`);
    }
  }

  private async insertRound(
    manager: EntityManager,
    meetingId: string,
    kind: 'request' | 'counter' | 'reschedule',
    slots: FairSlot[],
    userId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_proposals (meeting_id, slot_start, slot_end, proposed_by, round, kind, created_at)
       SELECT $1, s.start, s.end, $2,
              (SELECT COALESCE(max(round), 0) + 1 FROM meeting_proposals WHERE meeting_id = $1), $3, $4
         FROM jsonb_to_recordset($5::jsonb) AS s(start timestamptz, "end" timestamptz)`,
      [meetingId, userId, kind, now, JSON.stringify(slots)],
    );
  }

  /** 1–3 slots of the fair's grid that have not begun, in time order. */
  private async proposedSlots(fair: FairRow, raw: string[], now: Date): Promise<FairSlot[]> {
    const available = new Map((await this.slotsOf(this.dataSource.manager, fair)).map((s) => [s.start, s]));
    const proposals: FairSlot[] = [];
    for (const start of raw) {
      const slot = available.get(iso(start));
      if (!slot) throw DomainError.validation({ slots: FieldErrorCode.INVALID_VALUE });
      if (new Date(slot.start) <= now) throw DomainError.conflict(ErrorCode.SLOT_STARTED);
      proposals.push(slot);
    }
    return proposals.sort((a, b) => a.start.localeCompare(b.start));
  }

  /** A proposal lapses after the fair's time limit, or when its last slot begins, whichever comes first. */
  private expiry(fair: FairRow, proposals: FairSlot[], now: Date): Date {
    return new Date(
      Math.min(
        now.getTime() + fair.meeting_request_ttl_hours * HOUR,
        new Date(proposals[proposals.length - 1].start).getTime(),
      ),
    );
  }

  /** 409 SLOT_UNAVAILABLE when the person blocked any of these slots. */
  private async assertFree(
    manager: EntityManager,
    fairId: string,
    userId: string,
    slots: FairSlot[],
  ): Promise<void> {
    const [row] = await manager.query(
      preparedStatement(
        'meetings.blocked',
        `SELECT EXISTS (
         SELECT 1 FROM attendee_blocked_slots b
           JOIN jsonb_to_recordset($3::jsonb) AS s(start timestamptz, "end" timestamptz)
             ON b.slot && tstzrange(s.start, s.end, '[)')
          WHERE b.fair_id = $1 AND b.user_id = $2) AS blocked`,
      ),
      [fairId, userId, JSON.stringify(slots)],
    );
    if (row.blocked) throw DomainError.conflict(ErrorCode.SLOT_UNAVAILABLE);
  }

  private async blockedOf(manager: EntityManager, fairId: string, userId: string): Promise<Availability> {
    const rows: { start: Date }[] = await manager.query(
      `SELECT lower(slot) AS start FROM attendee_blocked_slots WHERE fair_id = $1 AND user_id = $2 ORDER BY 1`,
      [fairId, userId],
    );
    return { fairId, blocked: rows.map((r) => iso(r.start)) };
  }

  private assertAwaited(side: Side | null, row: MeetingRow, status: MeetingStatus): void {
    if (!side) throw DomainError.forbidden();
    if (row.status !== status) throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    // a party whose turn it is not: the requester cannot answer its own request
    if (row.awaiting_company_id !== this.companyOf(row, side)) {
      throw row.requester_company_id === this.companyOf(row, side) && row.awaiting_company_id !== null
        ? DomainError.forbidden()
        : DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    }
  }

  private assertRescheduleAwaited(side: Side | null, row: MeetingRow, now: Date): void {
    if (!side) throw DomainError.forbidden();
    if (
      row.status !== 'accepted' ||
      !row.reschedule_expires_at ||
      row.awaiting_company_id !== this.companyOf(row, side)
    ) {
      throw DomainError.conflict(ErrorCode.INVALID_MEETING_TRANSITION);
    }
    if (new Date(row.reschedule_expires_at) <= now) throw DomainError.conflict(ErrorCode.MEETING_EXPIRED);
  }

  private companyOf(row: MeetingRow, side: Side | null): string {
    return side === 'buyer' ? row.buyer_company_id : row.exhibitor_company_id;
  }

  /** The meeting's attending person on a side. */
  private personOf(row: MeetingRow, side: Side | null): string {
    return side === 'buyer' ? row.buyer_user_id : row.exhibitor_user_id;
  }

  private otherPerson(row: MeetingRow, side: Side | null): string {
    return side === 'buyer' ? row.exhibitor_user_id : row.buyer_user_id;
  }

  private async load(
    auth: AuthUser,
    id: string,
    withPeople = false,
  ): Promise<{ row: MeetingRow; side: Side | null }> {
    // the caller's company (from the database, not the token) in the same round trip; with the people
    // to tell of a change when the caller writes it in one statement (the accept)
    const people = `, (SELECT json_agg(json_build_object('id', u.id, 'locale', u.locale, 'email', u.email,
                                                        'full_name', u.full_name))
                         FROM users u WHERE u.id IN (q.buyer_user_id, q.exhibitor_user_id)) AS people`;
    const [row]: (MeetingRow & { caller_company_id: string | null })[] = await this.dataSource.query(
      preparedStatement(
        withPeople ? 'meetings.load-people' : 'meetings.load',
        `SELECT q.*, (SELECT cm.company_id FROM company_memberships cm WHERE cm.user_id = $2) AS caller_company_id
                ${withPeople ? people : ''}
           FROM (${MEETING_SELECT} WHERE m.id = $1) q`,
      ),
      [id, auth.id],
    );
    if (!row) throw DomainError.notFound();
    const side = sideOf(row.caller_company_id, row);
    if (!side && !READERS.has(auth.role)) throw DomainError.forbidden();
    return { row, side };
  }

  /** The caller's company, read from the database (not the token). */
  private async ownCompany(
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
    const company = await this.ownCompany(auth);
    if (!company) throw DomainError.forbidden();
    if (company.status !== 'approved') throw new DomainError(ErrorCode.COMPANY_NOT_APPROVED, 403);
    return company;
  }

  /** The caller's approved company, which attends the fair (a registered buyer person, or an approved booth). */
  private async attendingCompany(auth: AuthUser, fairId: string): Promise<{ id: string; kind: string }> {
    const company = await this.approvedCompany(auth);
    await this.fair(this.dataSource.manager, fairId);
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM fair_participants WHERE fair_id = $1 AND company_id = $2)
              OR EXISTS (SELECT 1 FROM booths WHERE fair_id = $1 AND company_id = $2 AND status = 'approved')
              AS attending`,
      [fairId, company.id],
    );
    if (!row.attending) throw DomainError.forbidden();
    return company;
  }

  /** The caller attends the fair in person. */
  private async attendingPerson(auth: AuthUser, fairId: string): Promise<void> {
    await this.approvedCompany(auth);
    await this.fair(this.dataSource.manager, fairId);
    if (!(await this.isAttending(fairId, auth.id))) throw DomainError.forbidden();
  }

  /** 'buyer' or 'exhibitor' when the person attends the fair, else null. */
  private async isAttending(fairId: string, userId: string): Promise<Side | null> {
    const [row] = await this.dataSource.query(
      `SELECT CASE
                WHEN EXISTS (SELECT 1 FROM fair_participants p JOIN companies c ON c.id = p.company_id
                              WHERE p.fair_id = $1 AND p.user_id = $2 AND c.status = 'approved') THEN 'buyer'
                WHEN EXISTS (SELECT 1 FROM company_memberships cm
                               JOIN booths b ON b.company_id = cm.company_id AND b.fair_id = $1 AND b.status = 'approved'
                               JOIN companies c ON c.id = cm.company_id AND c.status = 'approved'
                              WHERE cm.user_id = $2) THEN 'exhibitor'
              END AS side`,
      [fairId, userId],
    );
    return row.side ?? null;
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

const other = (side: Side | null): Side => (side === 'buyer' ? 'exhibitor' : 'buyer');
