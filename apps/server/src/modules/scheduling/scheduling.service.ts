import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  type CurrentScheduleDraft,
  type GenerateScheduleResponse,
  type Page,
  type PublishScheduleResult,
  type ScheduleAgenda,
  type ScheduleAgendaItem,
  type ScheduleDraftMeeting,
  type ScheduleDraftPerson,
  type ScheduleDraftStatus,
  type ScheduleDraftSummary,
  type ScheduleMode,
  type ScheduleSettings,
  type ScheduleUnscheduledPair,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { RealtimeService } from '../../realtime/realtime.service';
import { MailService } from '../mail';
import { MeetingEventsService, type PendingMeetingEvent } from '../meeting-events';
import type {
  DraftMeetingQueryDto,
  DraftPersonQueryDto,
  UnscheduledQueryDto,
  UpdateScheduleSettingsDto,
} from './dto/scheduling.dto';
import { runEngine } from './engine-runner';
import { loadScheduleInput, loadSettings, type KeptEntry } from './schedule-input';
import { withDeadlockRetry } from '../../common/deadlock-retry';

/** A running draft whose progress has not moved for this long is taken for dead (its process ended). */
const STALE_MINUTES = 10;
/** At most one progress push per this many ms, and one progress write per second. */
const PUSH_EVERY_MS = 200;
const WRITE_EVERY_MS = 1000;
/** Entries published per transaction. */
const PUBLISH_CHUNK = 200;
/** An entry that now clashes with a meeting booked meanwhile. */
const CLASH = new Set(['23P01', '23505']);

interface DraftRow {
  id: string;
  fair_id: string;
  mode: ScheduleMode;
  status: ScheduleDraftStatus;
  progress: number;
  scheduled_weight: number;
  bound: number | null;
  pair_count: number;
  meeting_count: number;
  kept_count: number;
  unscheduled_count: number;
  locked_count: number;
  published_count: number;
  conflict_count: number;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
  published_at: Date | null;
}

const DRAFT_SELECT = `
  SELECT d.*, u.full_name AS created_by_name
    FROM schedule_drafts d LEFT JOIN users u ON u.id = d.created_by`;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function toSummary(r: DraftRow): ScheduleDraftSummary {
  const done = r.status !== 'running' && r.bound !== null;
  return {
    id: r.id,
    fairId: r.fair_id,
    mode: r.mode,
    status: r.status,
    progress: Number(r.progress),
    scheduledWeight: r.scheduled_weight,
    bound: done ? r.bound : null,
    ratio: done ? (r.bound! > 0 ? r.scheduled_weight / r.bound! : 1) : null,
    pairCount: r.pair_count,
    meetingCount: r.meeting_count,
    keptCount: r.kept_count,
    unscheduledCount: r.unscheduled_count,
    lockedCount: r.locked_count,
    publishedCount: r.published_count,
    conflictCount: r.conflict_count,
    createdBy: r.created_by ? { userId: r.created_by, fullName: r.created_by_name ?? '' } : null,
    createdAt: iso(r.created_at)!,
    finishedAt: iso(r.finished_at),
    publishedAt: iso(r.published_at),
  };
}

const PARTIES = `
  bc.name AS buyer_company_name, bu.full_name AS buyer_name,
  ec.name AS exhibitor_company_name, eu.full_name AS exhibitor_name`;
const PARTY_JOINS = `
  JOIN companies bc ON bc.id = e.buyer_company_id
  JOIN companies ec ON ec.id = e.exhibitor_company_id
  JOIN users bu ON bu.id = e.buyer_user_id
  JOIN users eu ON eu.id = e.exhibitor_user_id`;

interface PartyRow {
  buyer_company_id: string;
  buyer_company_name: string;
  buyer_user_id: string;
  buyer_name: string;
  exhibitor_company_id: string;
  exhibitor_company_name: string;
  exhibitor_user_id: string;
  exhibitor_name: string;
}
const buyerOf = (r: PartyRow) => ({
  companyId: r.buyer_company_id,
  companyName: r.buyer_company_name,
  userId: r.buyer_user_id,
  fullName: r.buyer_name,
});
const exhibitorOf = (r: PartyRow) => ({
  companyId: r.exhibitor_company_id,
  companyName: r.exhibitor_company_name,
  userId: r.exhibitor_user_id,
  fullName: r.exhibitor_name,
});

const ENTRY_SELECT = `
  SELECT e.id, e.buyer_company_id, e.exhibitor_company_id, e.buyer_user_id, e.exhibitor_user_id,
         e.slot_start, e.slot_end, e.table_id, e.interpreter_user_id, e.interpreter_language, e.weight, e.status,
         e.kept, e.meeting_id, ${PARTIES},
         coalesce(th.name, bh.name) AS hall_name, t.code AS table_code, b.code AS booth_code,
         iu.full_name AS interpreter_name
    FROM schedule_draft_meetings e ${PARTY_JOINS}
    LEFT JOIN b2b_tables t ON t.id = e.table_id
    LEFT JOIN halls th ON th.id = t.hall_id
    LEFT JOIN booths b ON b.fair_id = e.fair_id AND b.company_id = e.exhibitor_company_id AND b.status = 'approved'
    LEFT JOIN halls bh ON bh.id = b.hall_id
    LEFT JOIN users iu ON iu.id = e.interpreter_user_id`;

interface EntryRow extends PartyRow {
  id: string;
  slot_start: Date;
  slot_end: Date;
  table_id: string | null;
  interpreter_user_id: string | null;
  interpreter_language: string | null;
  interpreter_name: string | null;
  weight: number;
  status: ScheduleDraftMeeting['status'];
  kept: boolean;
  meeting_id: string | null;
  hall_name: string | null;
  table_code: string | null;
  booth_code: string | null;
}

function toEntry(r: EntryRow): ScheduleDraftMeeting {
  return {
    id: r.id,
    buyer: buyerOf(r),
    exhibitor: exhibitorOf(r),
    start: iso(r.slot_start)!,
    end: iso(r.slot_end)!,
    place: r.table_id ? 'table' : 'booth',
    hallName: r.hall_name,
    tableCode: r.table_code,
    boothCode: r.booth_code,
    interpreterLanguage: r.interpreter_language,
    interpreter: r.interpreter_user_id
      ? { userId: r.interpreter_user_id, fullName: r.interpreter_name ?? '' }
      : null,
    weight: r.weight,
    status: r.status,
    kept: r.kept,
    meetingId: r.meeting_id,
  };
}

const sqlCode = (e: unknown) =>
  e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : undefined;

/**
 * The auto-scheduler around the pure engine: settings, drafts computed in the background (a worker
 * thread) with live progress to the organizers, their review, and publication as accepted meetings
 * through the meetings' own exclusion constraints. Organizer-only; the controller guards the roles.
 */
@Injectable()
export class SchedulingService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduling');
  /** drafts computing in this process */
  private readonly running = new Map<string, Promise<void>>();
  private readonly shutdown = new AbortController();
  private mails: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly realtime: RealtimeService,
    private readonly events: MeetingEventsService,
    private readonly mail: MailService,
  ) {}

  // ---- settings

  async settings(fairId: string): Promise<ScheduleSettings> {
    await this.assertFair(fairId);
    const s = await loadSettings(this.dataSource.manager, fairId);
    const halls: { id: string; code: string; name: string; tables: number }[] = await this.dataSource.query(
      `SELECT h.id, h.code, h.name, count(t.id)::int AS tables
         FROM halls h LEFT JOIN b2b_tables t ON t.hall_id = h.id
        WHERE h.fair_id = $1 GROUP BY h.id ORDER BY h.code`,
      [fairId],
    );
    return { fairId, ...s, halls };
  }

  async updateSettings(
    auth: AuthUser,
    fairId: string,
    dto: UpdateScheduleSettingsDto,
  ): Promise<ScheduleSettings> {
    await this.assertFair(fairId);
    const lunchStart = dto.lunchStart || null;
    const lunchEnd = dto.lunchEnd || null;
    if (!lunchStart !== !lunchEnd)
      throw DomainError.validation({ [lunchStart ? 'lunchEnd' : 'lunchStart']: FieldErrorCode.REQUIRED });
    if (lunchStart && lunchEnd && lunchStart >= lunchEnd)
      throw DomainError.validation({ lunchEnd: FieldErrorCode.INVALID_VALUE });
    if (dto.tableHallId) {
      const [hall] = await this.dataSource.query(`SELECT 1 FROM halls WHERE id = $1 AND fair_id = $2`, [
        dto.tableHallId,
        fairId,
      ]);
      if (!hall) throw DomainError.validation({ tableHallId: FieldErrorCode.INVALID_VALUE });
    }
    await this.dataSource.query(
      `INSERT INTO fair_schedule_settings
              (fair_id, max_meetings_per_day, lunch_start, lunch_end, table_policy, table_hall_id, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (fair_id) DO UPDATE SET max_meetings_per_day = $2, lunch_start = $3, lunch_end = $4,
              table_policy = $5, table_hall_id = $6, updated_by = $7, updated_at = $8`,
      [
        fairId,
        dto.maxMeetingsPerDay,
        lunchStart,
        lunchEnd,
        dto.tablePolicy,
        dto.tableHallId ?? null,
        auth.id,
        this.clock.now(),
      ],
    );
    return this.settings(fairId);
  }

  // ---- generate

  /** Starts a draft and answers at once; the engine runs in the background. */
  async generate(auth: AuthUser, fairId: string, mode: ScheduleMode): Promise<GenerateScheduleResponse> {
    await this.assertFair(fairId);
    const now = this.clock.now();
    const draftId = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE schedule_drafts SET status = 'failed', error = 'stale', finished_at = $2, updated_at = $2
          WHERE fair_id = $1 AND status = 'running' AND updated_at < $2::timestamptz - make_interval(mins => $3)`,
        [fairId, now, STALE_MINUTES],
      );
      const [current]: { id: string; status: ScheduleDraftStatus }[] = await manager.query(
        `SELECT id, status FROM schedule_drafts WHERE fair_id = $1 AND status IN ('running','ready') FOR UPDATE`,
        [fairId],
      );
      if (current?.status === 'running') throw DomainError.conflict(ErrorCode.SCHEDULE_RUNNING);
      if (current) {
        await manager.query(
          `UPDATE schedule_drafts SET status = 'discarded', updated_at = $2 WHERE id = $1`,
          [current.id, now],
        );
      }
      let row: { id: string };
      try {
        [row] = await manager.query(
          `INSERT INTO schedule_drafts (fair_id, mode, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $4) RETURNING id`,
          [fairId, mode, auth.id, now],
        );
      } catch (e) {
        // another organizer started one at the same moment
        if (sqlCode(e) === '23505') throw DomainError.conflict(ErrorCode.SCHEDULE_RUNNING);
        throw e;
      }
      if (mode === 'fill' && current) {
        await manager.query(
          `INSERT INTO schedule_draft_meetings
                  (draft_id, fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                   slot_start, slot_end, hall_id, table_id, interpreter_user_id, interpreter_language, weight, kept)
           SELECT $2, fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                  slot_start, slot_end, hall_id, table_id, interpreter_user_id, interpreter_language, weight, true
             FROM schedule_draft_meetings WHERE draft_id = $1 AND status = 'planned'`,
          [current.id, row.id],
        );
      }
      return row.id;
    });
    const work = this.compute(draftId, fairId).finally(() => this.running.delete(draftId));
    this.running.set(draftId, work);
    return { draftId };
  }

  /** Stops the drafts computing here (they end as failed) so the process can exit. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.all(this.running.values());
    await this.mails;
  }

  /** Resolves once a draft started by this process has finished computing (tests, shutdown). */
  async settled(draftId: string): Promise<void> {
    await this.running.get(draftId);
  }

  private async compute(draftId: string, fairId: string): Promise<void> {
    let lastPush = 0;
    let lastWrite = Date.now();
    const push = (fraction: number, status: ScheduleDraftStatus) =>
      this.realtime.toOrganizers('schedule:progress', { draftId, fairId, fraction, status });
    try {
      const kept: KeptEntry[] = (
        await this.dataSource.query(
          `SELECT buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id, slot_start, slot_end,
                  table_id, hall_id, interpreter_user_id
             FROM schedule_draft_meetings WHERE draft_id = $1`,
          [draftId],
        )
      ).map((r: Record<string, never>) => ({
        buyerCompanyId: r.buyer_company_id,
        exhibitorCompanyId: r.exhibitor_company_id,
        buyerUserId: r.buyer_user_id,
        exhibitorUserId: r.exhibitor_user_id,
        start: r.slot_start,
        end: r.slot_end,
        tableId: r.table_id,
        hallId: r.hall_id,
        interpreterUserId: r.interpreter_user_id,
      }));
      const loaded = await loadScheduleInput(this.dataSource.manager, fairId, this.clock.now(), kept);
      push(0, 'running');
      const result = await runEngine(
        loaded.input,
        (fraction) => {
          const t = Date.now();
          if (t - lastPush >= PUSH_EVERY_MS) {
            lastPush = t;
            push(Math.min(fraction, 0.99), 'running');
          }
          if (t - lastWrite >= WRITE_EVERY_MS) {
            lastWrite = t;
            void this.dataSource
              .query(
                `UPDATE schedule_drafts SET progress = $2, updated_at = now() WHERE id = $1 AND status = 'running'`,
                [draftId, Math.min(fraction, 0.99)],
              )
              .catch(() => undefined);
          }
        },
        this.shutdown.signal,
      );

      // a table of the pair's hall free in its slot, in code order
      const newEntries: unknown[][] = [];
      const unscheduled = [...result.unscheduled];
      let weight = 0;
      for (const m of result.meetings) {
        const pair = loaded.pairs.get(m.pairId);
        if (!pair) continue;
        let tableId: string | null = null;
        if (m.hallId) {
          const taken = loaded.takenTables.get(m.slot) ?? new Set<string>();
          tableId = (loaded.tables.get(m.hallId) ?? []).find((id) => !taken.has(id)) ?? null;
          if (!tableId) {
            unscheduled.push({ pairId: m.pairId, reason: 'no_table' });
            continue;
          }
          taken.add(tableId);
          loaded.takenTables.set(m.slot, taken);
        }
        weight += pair.weight;
        const slot = loaded.slots[m.slot];
        newEntries.push([
          pair.buyerCompanyId,
          pair.exhibitorCompanyId,
          pair.buyerUserId,
          pair.exhibitorUserId,
          slot.start,
          slot.end,
          m.hallId,
          tableId,
          m.interpreterId,
          m.interpreterId ? pair.interpreterLanguage : null,
          pair.weight,
        ]);
      }
      const now = this.clock.now();
      const finished = await this.dataSource.transaction(async (manager) => {
        const [draft] = await manager.query(`SELECT status FROM schedule_drafts WHERE id = $1 FOR UPDATE`, [
          draftId,
        ]);
        if (draft?.status !== 'running') return false; // discarded meanwhile
        if (newEntries.length) {
          const col = (i: number) => newEntries.map((e) => e[i]);
          await manager.query(
            `INSERT INTO schedule_draft_meetings
                    (draft_id, fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                     slot_start, slot_end, hall_id, table_id, interpreter_user_id, interpreter_language, weight)
             SELECT $1, $2, * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[],
                    $8::timestamptz[], $9::uuid[], $10::uuid[], $11::uuid[], $12::text[], $13::int[])`,
            [draftId, fairId, ...Array.from({ length: 11 }, (_, i) => col(i))],
          );
        }
        const lost = unscheduled.map((u) => ({ u, pair: loaded.pairs.get(u.pairId) })).filter((x) => x.pair);
        if (lost.length) {
          await manager.query(
            `INSERT INTO schedule_draft_unscheduled
                    (draft_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id, weight, reason)
             SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::text[])
             ON CONFLICT DO NOTHING`,
            [
              draftId,
              lost.map((x) => x.pair!.buyerCompanyId),
              lost.map((x) => x.pair!.exhibitorCompanyId),
              lost.map((x) => x.pair!.buyerUserId),
              lost.map((x) => x.pair!.exhibitorUserId),
              lost.map((x) => x.pair!.weight),
              lost.map((x) => x.u.reason),
            ],
          );
        }
        await manager.query(
          `UPDATE schedule_drafts d
              SET status = 'ready', progress = 1, scheduled_weight = $2, bound = $3, pair_count = $4,
                  locked_count = $5, finished_at = $6, updated_at = $6,
                  meeting_count = (SELECT count(*) FROM schedule_draft_meetings WHERE draft_id = d.id),
                  kept_count = (SELECT count(*) FROM schedule_draft_meetings WHERE draft_id = d.id AND kept),
                  unscheduled_count = (SELECT count(*) FROM schedule_draft_unscheduled WHERE draft_id = d.id)
            WHERE id = $1`,
          [draftId, weight, Math.max(result.bound, weight), loaded.pairs.size, loaded.lockedCount, now],
        );
        return true;
      });
      if (finished) push(1, 'ready');
    } catch (e) {
      this.logger.error(`draft ${draftId}: ${(e as Error).stack ?? String(e)}`);
      await this.dataSource
        .query(
          `UPDATE schedule_drafts SET status = 'failed', error = $2, finished_at = $3, updated_at = $3
            WHERE id = $1 AND status = 'running'`,
          [draftId, String((e as Error).message ?? e).slice(0, 2000), this.clock.now()],
        )
        .catch(() => undefined);
      push(0, 'failed');
    }
  }

  // ---- review

  async summary(draftId: string): Promise<ScheduleDraftSummary> {
    return toSummary(await this.draft(this.dataSource.manager, draftId));
  }

  async current(fairId: string): Promise<CurrentScheduleDraft> {
    await this.assertFair(fairId);
    const [row]: DraftRow[] = await this.dataSource.query(
      `${DRAFT_SELECT} WHERE d.fair_id = $1 AND d.status IN ('running','ready','published')
        ORDER BY (d.status <> 'published') DESC, d.created_at DESC LIMIT 1`,
      [fairId],
    );
    return { draft: row ? toSummary(row) : null };
  }

  async meetings(draftId: string, query: DraftMeetingQueryDto): Promise<Page<ScheduleDraftMeeting>> {
    await this.draft(this.dataSource.manager, draftId);
    const params = pageParams(query);
    const where = `WHERE e.draft_id = $1 AND ($2::uuid IS NULL OR $2 IN (e.buyer_user_id, e.exhibitor_user_id))
                     AND ($3::text IS NULL OR e.status = $3)`;
    const args = [draftId, query.userId ?? null, query.status ?? null];
    const rows: EntryRow[] = await this.dataSource.query(
      `${ENTRY_SELECT} ${where} ORDER BY e.slot_start, bc.name, e.id LIMIT $4 OFFSET $5`,
      [...args, params.pageSize, (params.page - 1) * params.pageSize],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM schedule_draft_meetings e ${where}`,
      args,
    );
    return pageOf(rows.map(toEntry), total, params);
  }

  async people(draftId: string, query: DraftPersonQueryDto): Promise<Page<ScheduleDraftPerson>> {
    await this.draft(this.dataSource.manager, draftId);
    const params = pageParams(query);
    const base = `
      WITH p AS (
        SELECT buyer_user_id AS user_id, buyer_company_id AS company_id, 'buyer' AS side, 1 AS m, 0 AS u
          FROM schedule_draft_meetings WHERE draft_id = $1
        UNION ALL SELECT exhibitor_user_id, exhibitor_company_id, 'exhibitor', 1, 0
          FROM schedule_draft_meetings WHERE draft_id = $1
        UNION ALL SELECT buyer_user_id, buyer_company_id, 'buyer', 0, 1
          FROM schedule_draft_unscheduled WHERE draft_id = $1
        UNION ALL SELECT exhibitor_user_id, exhibitor_company_id, 'exhibitor', 0, 1
          FROM schedule_draft_unscheduled WHERE draft_id = $1),
      g AS (
        SELECT p.user_id, p.company_id, p.side, sum(p.m)::int AS meeting_count, sum(p.u)::int AS unscheduled_count,
               u.full_name, c.name AS company_name
          FROM p JOIN users u ON u.id = p.user_id JOIN companies c ON c.id = p.company_id
         GROUP BY p.user_id, p.company_id, p.side, u.full_name, c.name)
      SELECT * FROM g
       WHERE ($2::text IS NULL OR g.full_name ILIKE $2 OR g.company_name ILIKE $2)
         AND ($3::text IS NULL OR g.side = $3)`;
    const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const args = [draftId, like, query.side ?? null];
    const rows: {
      user_id: string;
      company_id: string;
      side: 'buyer' | 'exhibitor';
      meeting_count: number;
      unscheduled_count: number;
      full_name: string;
      company_name: string;
    }[] = await this.dataSource.query(
      `${base} ORDER BY g.side, g.company_name, g.full_name, g.user_id LIMIT $4 OFFSET $5`,
      [...args, params.pageSize, (params.page - 1) * params.pageSize],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${base}) x`, args);
    return pageOf(
      rows.map((r) => ({
        userId: r.user_id,
        fullName: r.full_name,
        companyId: r.company_id,
        companyName: r.company_name,
        side: r.side,
        meetingCount: r.meeting_count,
        unscheduledCount: r.unscheduled_count,
      })),
      total,
      params,
    );
  }

  /** One person's day(s) in the draft, with the existing meetings it was planned around. */
  async agenda(draftId: string, userId: string): Promise<ScheduleAgenda> {
    const draft = await this.draft(this.dataSource.manager, draftId);
    const people = await this.people(draftId, { pageSize: 100 } as DraftPersonQueryDto);
    let person = people.items.find((p) => p.userId === userId);
    if (!person) {
      // more than a page of people: look the person up directly
      const [row] = await this.dataSource.query(
        `SELECT u.id AS user_id, u.full_name, c.id AS company_id, c.name AS company_name, c.kind
           FROM users u JOIN company_memberships cm ON cm.user_id = u.id JOIN companies c ON c.id = cm.company_id
          WHERE u.id = $1 AND (EXISTS (SELECT 1 FROM schedule_draft_meetings e WHERE e.draft_id = $2
                                         AND $1 IN (e.buyer_user_id, e.exhibitor_user_id))
                            OR EXISTS (SELECT 1 FROM schedule_draft_unscheduled e WHERE e.draft_id = $2
                                         AND $1 IN (e.buyer_user_id, e.exhibitor_user_id)))`,
        [userId, draftId],
      );
      if (!row) throw DomainError.notFound();
      const [counts] = await this.dataSource.query(
        `SELECT (SELECT count(*)::int FROM schedule_draft_meetings e WHERE e.draft_id = $2
                   AND $1 IN (e.buyer_user_id, e.exhibitor_user_id)) AS m,
                (SELECT count(*)::int FROM schedule_draft_unscheduled e WHERE e.draft_id = $2
                   AND $1 IN (e.buyer_user_id, e.exhibitor_user_id)) AS u`,
        [userId, draftId],
      );
      person = {
        userId: row.user_id,
        fullName: row.full_name,
        companyId: row.company_id,
        companyName: row.company_name,
        side: row.kind,
        meetingCount: counts.m,
        unscheduledCount: counts.u,
      };
    }
    const side = person.side;
    const entries: EntryRow[] = await this.dataSource.query(
      `${ENTRY_SELECT} WHERE e.draft_id = $1 AND $2 IN (e.buyer_user_id, e.exhibitor_user_id) ORDER BY e.slot_start`,
      [draftId, userId],
    );
    const existing: (PartyRow & {
      id: string;
      starts_at: Date;
      ends_at: Date;
      place_kind: 'booth' | 'table' | 'online';
      hall_name: string | null;
      table_code: string | null;
      booth_code: string | null;
      interpreter_user_id: string | null;
      interpreter_name: string | null;
    })[] = await this.dataSource.query(
      `SELECT e.id, lower(e.time_range) AS starts_at, upper(e.time_range) AS ends_at, e.place_kind,
              e.buyer_company_id, e.exhibitor_company_id, e.buyer_user_id, e.exhibitor_user_id, ${PARTIES},
              coalesce(th.name, bh.name) AS hall_name, t.code AS table_code, b.code AS booth_code,
              e.interpreter_user_id, iu.full_name AS interpreter_name
         FROM meetings e ${PARTY_JOINS}
         LEFT JOIN b2b_tables t ON t.id = e.table_id
         LEFT JOIN halls th ON th.id = t.hall_id
         LEFT JOIN booths b ON b.fair_id = e.fair_id AND b.company_id = e.exhibitor_company_id AND b.status = 'approved'
         LEFT JOIN halls bh ON bh.id = b.hall_id
         LEFT JOIN users iu ON iu.id = e.interpreter_user_id
        WHERE e.fair_id = $1 AND e.status IN ('accepted','held') AND $2 IN (e.buyer_user_id, e.exhibitor_user_id)
          AND NOT EXISTS (SELECT 1 FROM schedule_draft_meetings d WHERE d.draft_id = $3 AND d.meeting_id = e.id)`,
      [draft.fair_id, userId, draftId],
    );
    const [fair] = await this.dataSource.query(`SELECT time_zone FROM fairs WHERE id = $1`, [draft.fair_id]);
    const other = (r: PartyRow) => (side === 'buyer' ? exhibitorOf(r) : buyerOf(r));
    const items: ScheduleAgendaItem[] = [
      ...entries.map((r) => {
        const e = toEntry(r);
        return {
          source: 'draft' as const,
          id: e.id,
          start: e.start,
          end: e.end,
          with: other(r),
          place: e.place,
          hallName: e.hallName,
          tableCode: e.tableCode,
          boothCode: e.boothCode,
          interpreter: e.interpreter,
          status: e.status,
          weight: e.weight,
        };
      }),
      ...existing.map((r) => ({
        source: 'existing' as const,
        id: r.id,
        start: iso(r.starts_at)!,
        end: iso(r.ends_at)!,
        with: other(r),
        place: r.place_kind,
        hallName: r.hall_name,
        tableCode: r.table_code,
        boothCode: r.booth_code,
        interpreter: r.interpreter_user_id
          ? { userId: r.interpreter_user_id, fullName: r.interpreter_name ?? '' }
          : null,
        status: null,
        weight: null,
      })),
    ].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    return { draftId, person, timeZone: fair.time_zone, items };
  }

  async unscheduled(draftId: string, query: UnscheduledQueryDto): Promise<Page<ScheduleUnscheduledPair>> {
    await this.draft(this.dataSource.manager, draftId);
    const params = pageParams(query);
    const where = `WHERE e.draft_id = $1 AND ($2::text IS NULL OR e.reason = $2)`;
    const args = [draftId, query.reason ?? null];
    const rows: (PartyRow & { id: string; weight: number; reason: ScheduleUnscheduledPair['reason'] })[] =
      await this.dataSource.query(
        `SELECT e.id, e.weight, e.reason, e.buyer_company_id, e.exhibitor_company_id, e.buyer_user_id,
                e.exhibitor_user_id, ${PARTIES}
           FROM schedule_draft_unscheduled e ${PARTY_JOINS} ${where}
          ORDER BY e.weight DESC, bc.name, ec.name, e.id LIMIT $3 OFFSET $4`,
        [...args, params.pageSize, (params.page - 1) * params.pageSize],
      );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM schedule_draft_unscheduled e ${where}`,
      args,
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        buyer: buyerOf(r),
        exhibitor: exhibitorOf(r),
        weight: r.weight,
        reason: r.reason,
      })),
      total,
      params,
    );
  }

  // ---- discard and publish

  async discard(draftId: string): Promise<ScheduleDraftSummary> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const draft = await this.draft(manager, draftId, true);
      if (draft.status !== 'running' && draft.status !== 'ready')
        throw DomainError.conflict(ErrorCode.SCHEDULE_DRAFT_STATE);
      await manager.query(
        `UPDATE schedule_drafts SET status = 'discarded', finished_at = coalesce(finished_at, $2), updated_at = $2
          WHERE id = $1`,
        [draftId, now],
      );
    });
    const summary = await this.summary(draftId);
    this.realtime.toOrganizers('schedule:progress', {
      draftId,
      fairId: summary.fairId,
      fraction: summary.progress,
      status: 'discarded',
    });
    return summary;
  }

  /**
   * Each planned entry becomes an accepted meeting in its own savepoint, through the meetings'
   * exclusion constraints: an entry that now overlaps a meeting of one of its people, its table or
   * its interpreter (booked by hand since the draft was made), falls in a slot one of them blocked
   * since, or whose pair has met or booked meanwhile, is marked 'conflict' and the rest go on.
   *
   * The first chunk marks the draft published (so it can no longer be discarded or replaced), then
   * entries go in transactions of PUBLISH_CHUNK (thousands of savepoints and trigger updates in one
   * transaction slow PostgreSQL down quadratically), each flushed to the people concerned once
   * committed. The people of a chunk are locked first with the meetings module's advisory locks
   * (same keys), so concurrent hand bookings queue instead of deadlocking. Publishing again does
   * nothing; after a crash it carries on with the entries still planned.
   */
  async publish(auth: AuthUser, draftId: string): Promise<PublishScheduleResult> {
    let published = 0;
    let conflicts = 0;
    for (let first = true; ; first = false) {
      const chunk = await withDeadlockRetry(() => this.publishChunk(auth, draftId, first));
      published += chunk.published;
      conflicts += chunk.conflicts;
      if (chunk.pending.length) {
        // live pushes now; the e-mails are in the outbox already, their delivery is queued behind, off the request
        await this.events.flush(chunk.pending.map((e) => ({ ...e, queued: [] })));
        this.queueMails(chunk.pending.flatMap((e) => e.queued ?? []));
      }
      if (chunk.published || chunk.conflicts) {
        const [d] = await this.dataSource.query(
          `SELECT count(*) FILTER (WHERE status <> 'planned')::float / greatest(count(*), 1) AS f
             FROM schedule_draft_meetings WHERE draft_id = $1`,
          [draftId],
        );
        this.realtime.toOrganizers('schedule:progress', {
          draftId,
          fairId: chunk.fairId,
          fraction: Number(d.f),
          status: 'published',
        });
      }
      if (chunk.done) break;
    }
    return { draft: await this.summary(draftId), published, conflicts };
  }

  /**
   * Queues the delivery of the e-mails of published meetings (written to the outbox with the meetings, in
   * the chunk's transaction) in the background: without a running job queue they are delivered inline,
   * which would keep the request open for minutes on a big schedule.
   */
  private queueMails(ids: string[]): void {
    this.mails = this.mails.then(() =>
      this.mail.dispatch(ids).catch((e: Error) => this.logger.warn(`mail delivery: ${e.message}`)),
    );
  }

  /** Resolves once the delivery of the e-mails of every publish so far is queued (tests, shutdown). */
  mailsQueued(): Promise<void> {
    return this.mails;
  }

  private async publishChunk(
    auth: AuthUser,
    draftId: string,
    first: boolean,
  ): Promise<{
    fairId: string;
    published: number;
    conflicts: number;
    pending: PendingMeetingEvent[];
    done: boolean;
  }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.draft(manager, draftId, true);
      const result = {
        fairId: draft.fair_id,
        published: 0,
        conflicts: 0,
        pending: [] as PendingMeetingEvent[],
      };
      if (draft.status === 'ready' && first) {
        await manager.query(
          `UPDATE schedule_drafts SET status = 'published', published_at = $2, published_by = $3, updated_at = $2
            WHERE id = $1`,
          [draftId, now, auth.id],
        );
      } else if (draft.status !== 'published') {
        throw DomainError.conflict(ErrorCode.SCHEDULE_DRAFT_STATE);
      }
      const entries: {
        id: string;
        buyer_company_id: string;
        exhibitor_company_id: string;
        buyer_user_id: string;
        exhibitor_user_id: string;
        slot_start: Date;
        slot_end: Date;
        table_id: string | null;
        interpreter_user_id: string | null;
        interpreter_language: string | null;
      }[] = await manager.query(
        `SELECT id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id, slot_start, slot_end,
                table_id, interpreter_user_id, interpreter_language
           FROM schedule_draft_meetings WHERE draft_id = $1 AND status = 'planned'
          ORDER BY slot_start, id LIMIT $2`,
        [draftId, PUBLISH_CHUNK],
      );
      const persons = [...new Set(entries.flatMap((e) => [e.buyer_user_id, e.exhibitor_user_id]))].sort();
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('meeting-person:' || k, 0))
           FROM unnest($1::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`,
        [persons],
      );
      const done: { entry: string; meeting: string; start: Date; end: Date; notify: string[] }[] = [];
      const clashed: string[] = [];
      for (const e of entries) {
        await manager.query(`SAVEPOINT schedule_entry`);
        let meetingId: string | null = null;
        try {
          const [row] = await manager.query(
            `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                                   requested_by_user_id, requester_company_id, status, time_range, place_kind, table_id,
                                   interpreter_language, interpreter_user_id, expires_at, created_at, updated_at,
                                   answered_at)
             SELECT $1, $2, $3, $4, $5, $6, $2, 'accepted', tstzrange($7, $8, '[)'),
                    CASE WHEN $9::uuid IS NULL THEN 'booth' ELSE 'table' END, $9, $10, $11, $7, $12, $12, $12
              WHERE NOT EXISTS (SELECT 1 FROM attendee_blocked_slots s
                                 WHERE s.fair_id = $1 AND s.user_id IN ($4, $5) AND s.slot && tstzrange($7, $8, '[)'))
                AND NOT EXISTS (SELECT 1 FROM meetings m
                                 WHERE m.fair_id = $1 AND m.buyer_company_id = $2 AND m.exhibitor_company_id = $3
                                   AND m.status IN ('accepted','held','no_show'))
             RETURNING id`,
            [
              draft.fair_id,
              e.buyer_company_id,
              e.exhibitor_company_id,
              e.buyer_user_id,
              e.exhibitor_user_id,
              auth.id,
              e.slot_start,
              e.slot_end,
              e.table_id,
              e.interpreter_user_id ? e.interpreter_language : null,
              e.interpreter_user_id,
              now,
            ],
          );
          meetingId = row?.id ?? null;
        } catch (error) {
          if (!CLASH.has(sqlCode(error) ?? '')) throw error;
        }
        if (meetingId) {
          await manager.query(`RELEASE SAVEPOINT schedule_entry`);
          done.push({
            entry: e.id,
            meeting: meetingId,
            start: e.slot_start,
            end: e.slot_end,
            notify: [e.buyer_user_id, e.exhibitor_user_id, e.interpreter_user_id].filter(
              (id): id is string => !!id,
            ),
          });
        } else {
          await manager.query(`ROLLBACK TO SAVEPOINT schedule_entry`);
          clashed.push(e.id);
        }
      }
      if (done.length) {
        // nobody requested or accepted these: the organizers scheduled them, and everyone is told so; the
        // chunk's notifications and e-mails in one INSERT each, committed with the meetings
        result.pending = await this.events.recordMany(
          manager,
          done.map((d) => ({
            meetingId: d.meeting,
            type: 'meeting.scheduled',
            notify: d.notify,
            actorId: auth.id,
          })),
        );
        await manager.query(
          `INSERT INTO meeting_proposals (meeting_id, slot_start, slot_end, proposed_by, round, kind, created_at)
           SELECT m, s, e, $4, 1, 'request', $5 FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS t(m, s, e)`,
          [done.map((d) => d.meeting), done.map((d) => d.start), done.map((d) => d.end), auth.id, now],
        );
        await manager.query(
          `UPDATE schedule_draft_meetings e SET status = 'published', meeting_id = t.m
             FROM unnest($1::uuid[], $2::uuid[]) AS t(id, m) WHERE e.id = t.id`,
          [done.map((d) => d.entry), done.map((d) => d.meeting)],
        );
      }
      if (clashed.length) {
        await manager.query(
          `UPDATE schedule_draft_meetings SET status = 'conflict' WHERE id = ANY($1::uuid[])`,
          [clashed],
        );
      }
      await manager.query(
        `UPDATE schedule_drafts d SET updated_at = $2,
                published_count = (SELECT count(*) FROM schedule_draft_meetings WHERE draft_id = d.id AND status = 'published'),
                conflict_count = (SELECT count(*) FROM schedule_draft_meetings WHERE draft_id = d.id AND status = 'conflict')
          WHERE id = $1`,
        [draftId, now],
      );
      result.published = done.length;
      result.conflicts = clashed.length;
      return { ...result, done: entries.length < PUBLISH_CHUNK };
    });
  }

  // ---- helpers

  private async draft(manager: EntityManager, draftId: string, lock = false): Promise<DraftRow> {
    const [row]: DraftRow[] = lock
      ? await manager.query(`${DRAFT_SELECT} WHERE d.id = $1 FOR UPDATE OF d`, [draftId])
      : await manager.query(`${DRAFT_SELECT} WHERE d.id = $1`, [draftId]);
    if (!row) throw DomainError.notFound();
    return row;
  }

  private async assertFair(fairId: string): Promise<void> {
    const [fair] = await this.dataSource.query(`SELECT 1 FROM fairs WHERE id = $1`, [fairId]);
    if (!fair) throw DomainError.notFound();
  }
}
