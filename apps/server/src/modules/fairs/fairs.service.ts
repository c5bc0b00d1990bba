import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_FAIR_TIME_ZONE,
  ErrorCode,
  FieldErrorCode,
  type Fair as FairDto,
  type FairDay,
  type FairPage,
  type FairStatus,
  type FairSummary,
  type Hall,
  type HallInput,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { preparedStatement } from '../../common/prepared-statement';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { AuditService } from '../audit';
import { FairCache } from './fair-cache';
import { canMove, dayErrors, isValidTimeZone, slugify } from './fair-rules';
import type { CreateFairDto, ListFairsDto, ListManagedFairsDto, UpdateFairDto } from './dto/fair.dto';
import { Fair, FairDayRow, HallRow } from './fair.entity';

interface SummaryRow {
  id: string;
  slug: string;
  name_vi: string;
  name_en: string;
  venue: string;
  address: string | null;
  time_zone: string;
  status: FairStatus;
  slot_minutes: number;
  buffer_minutes: number;
  contract_target_usd: string | null;
  start_date: string | null;
  end_date: string | null;
  hall_count: number;
  booth_count: number;
  created_at: Date;
  updated_at: Date;
}

const SUMMARY_SQL = `
  SELECT f.id, f.slug, f.name_vi, f.name_en, f.venue, f.address, f.time_zone, f.status,
         f.slot_minutes, f.buffer_minutes, f.contract_target_usd::text AS contract_target_usd,
         to_char(span.start_day, 'YYYY-MM-DD') AS start_date, to_char(span.end_day, 'YYYY-MM-DD') AS end_date,
         (SELECT count(*)::int FROM halls h WHERE h.fair_id = f.id) AS hall_count,
         (SELECT count(*)::int FROM booths b WHERE b.fair_id = f.id AND b.status = 'approved') AS booth_count,
         f.created_at, f.updated_at
    FROM fairs f
    LEFT JOIN LATERAL (SELECT min(d.day) AS start_day, max(d.day) AS end_day FROM fair_days d WHERE d.fair_id = f.id) span ON true`;

function toSummary(r: SummaryRow): FairSummary {
  return {
    id: r.id,
    slug: r.slug,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    venue: r.venue,
    address: r.address,
    timeZone: r.time_zone,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    hallCount: Number(r.hall_count),
    boothCount: Number(r.booth_count),
  };
}

/** Fairs: the organizer builds them; anyone sees those past the draft stage. */
@Injectable()
export class FairsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly auditLog: AuditService,
    private readonly cache: FairCache,
  ) {}

  /** Upcoming (open for registration or live, not yet over) or past fairs; never drafts. */
  async listPublic(query: ListFairsDto): Promise<FairPage> {
    const params = pageParams(query);
    const past = query.when === 'past';
    // "Today" is the fair's own local date.
    const where = past
      ? `f.status <> 'draft' AND (f.status = 'closed' OR span.end_day < ($1::timestamptz AT TIME ZONE f.time_zone)::date)`
      : `f.status IN ('registration','live') AND (span.end_day IS NULL OR span.end_day >= ($1::timestamptz AT TIME ZONE f.time_zone)::date)`;
    const order = past ? 'span.start_day DESC NULLS LAST, f.id' : 'span.start_day ASC NULLS LAST, f.id';
    return this.page(where, order, [this.clock.now()], params);
  }

  async listManaged(query: ListManagedFairsDto): Promise<FairPage> {
    const params = pageParams(query);
    const where = query.status ? `f.status = $1` : `true`;
    return this.page(
      where,
      'span.start_day DESC NULLS FIRST, f.created_at DESC, f.id',
      query.status ? [query.status] : [],
      params,
    );
  }

  async getPublic(slug: string): Promise<FairDto> {
    const fair = await this.cache.get(`slug:${slug}`, () =>
      this.load('fairs.public-by-slug', `f.slug = $1 AND f.status <> 'draft'`, [slug]),
    );
    if (!fair) throw DomainError.notFound();
    return fair;
  }

  async getManaged(id: string): Promise<FairDto> {
    const fair = await this.cache.get(`id:${id}`, () => this.load('fairs.by-id', `f.id = $1`, [id]));
    if (!fair) throw DomainError.notFound();
    return fair;
  }

  async create(auth: AuthUser, dto: CreateFairDto): Promise<FairDto> {
    const timeZone = dto.timeZone ?? DEFAULT_FAIR_TIME_ZONE;
    await this.assertTimeZone(timeZone);
    this.assertDaysAndHalls(dto.days, dto.halls);
    const id = await this.dataSource.transaction(async (manager) => {
      const slug = dto.slug ?? (await this.freeSlug(manager, slugify(dto.nameEn)));
      const fair = await manager.save(
        Fair,
        manager.create(Fair, {
          slug,
          nameVi: dto.nameVi,
          nameEn: dto.nameEn,
          venue: dto.venue,
          address: dto.address ?? null,
          timeZone,
          slotMinutes: dto.slotMinutes ?? 30,
          bufferMinutes: dto.bufferMinutes ?? 5,
          contractTargetUsd: dto.contractTargetUsd ?? null,
          status: 'draft',
          createdBy: auth.id,
        }),
      );
      await this.replaceDays(manager, fair.id, dto.days);
      await this.replaceHalls(manager, fair.id, dto.halls);
      await this.audit(manager, auth, 'fair.create', fair.id, null, { slug, nameEn: dto.nameEn });
      return fair.id;
    });
    return this.getManaged(id);
  }

  async update(auth: AuthUser, id: string, dto: UpdateFairDto): Promise<FairDto> {
    if (dto.timeZone !== undefined) await this.assertTimeZone(dto.timeZone);
    if (dto.days) this.assertDaysAndHalls(dto.days, dto.halls ?? []);
    else if (dto.halls) this.assertDaysAndHalls([], dto.halls);
    const before = await this.getManaged(id);
    await this.dataSource.transaction(async (manager) => {
      const fair = await manager.findOne(Fair, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!fair) throw DomainError.notFound();
      if (dto.nameVi !== undefined) fair.nameVi = dto.nameVi;
      if (dto.nameEn !== undefined) fair.nameEn = dto.nameEn;
      if (dto.slug !== undefined) fair.slug = dto.slug;
      if (dto.venue !== undefined) fair.venue = dto.venue;
      if (dto.address !== undefined) fair.address = dto.address ?? null;
      if (dto.timeZone !== undefined) fair.timeZone = dto.timeZone;
      if (dto.slotMinutes !== undefined) fair.slotMinutes = dto.slotMinutes;
      if (dto.bufferMinutes !== undefined) fair.bufferMinutes = dto.bufferMinutes;
      if (dto.contractTargetUsd !== undefined) fair.contractTargetUsd = dto.contractTargetUsd ?? null;
      fair.updatedAt = this.clock.now();
      await manager.save(fair);
      if (dto.days) await this.replaceDays(manager, id, dto.days);
      if (dto.halls) await this.replaceHalls(manager, id, dto.halls);
      await this.audit(manager, auth, 'fair.update', id, before, dto as unknown as Record<string, unknown>);
    });
    this.cache.forget(id);
    return this.getManaged(id);
  }

  /** draft → registration → live → closed, one step at a time; anything else is 409 INVALID_TRANSITION. */
  async changeStatus(auth: AuthUser, id: string, status: FairStatus): Promise<FairDto> {
    await this.dataSource.transaction(async (manager) => {
      const fair = await manager.findOne(Fair, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!fair) throw DomainError.notFound();
      if (!canMove(fair.status, status)) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, 409, {
          details: { from: fair.status, to: status },
        });
      }
      const from = fair.status;
      fair.status = status;
      fair.updatedAt = this.clock.now();
      await manager.save(fair);
      await this.audit(manager, auth, 'fair.status', id, { status: from }, { status });
    });
    this.cache.forget(id);
    return this.getManaged(id);
  }

  private async page(
    where: string,
    order: string,
    args: unknown[],
    params: { page: number; pageSize: number },
  ): Promise<FairPage> {
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM (${SUMMARY_SQL} WHERE ${where}) x`,
      args,
    );
    const rows = await this.dataSource.query<SummaryRow[]>(
      `${SUMMARY_SQL} WHERE ${where} ORDER BY ${order} LIMIT ${params.pageSize} OFFSET ${(params.page - 1) * params.pageSize}`,
      args,
    );
    return pageOf(rows.map(toSummary), Number(total), params);
  }

  /** `name` names the prepared statement: one per `where` (planning cost more than running it). */
  private async load(name: string, where: string, args: unknown[]): Promise<FairDto | null> {
    // one round trip: the fair, its days and its halls
    const [row] = await this.dataSource.query<(SummaryRow & { days: FairDay[]; halls: Hall[] })[]>(
      preparedStatement(
        name,
        `SELECT s.*,
              COALESCE((SELECT json_agg(json_build_object(
                          'date', to_char(d.day, 'YYYY-MM-DD'),
                          'opensAt', to_char(d.opens_at, 'HH24:MI'),
                          'closesAt', to_char(d.closes_at, 'HH24:MI'),
                          'startsAt', to_char((d.day + d.opens_at) AT TIME ZONE s.time_zone AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'endsAt', to_char((d.day + d.closes_at) AT TIME ZONE s.time_zone AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                          ORDER BY d.day)
                          FROM fair_days d WHERE d.fair_id = s.id), '[]'::json) AS days,
              COALESCE((SELECT json_agg(json_build_object('id', h.id, 'code', h.code, 'name', h.name,
                                                          'gridRows', h.grid_rows, 'gridCols', h.grid_cols)
                                        ORDER BY h.code)
                          FROM halls h WHERE h.fair_id = s.id), '[]'::json) AS halls
         FROM (${SUMMARY_SQL} WHERE ${where}) s`,
      ),
      args,
    );
    if (!row) return null;
    const { days, halls } = row;
    return {
      ...toSummary(row),
      slotMinutes: Number(row.slot_minutes),
      bufferMinutes: Number(row.buffer_minutes),
      contractTargetUsd: row.contract_target_usd,
      days,
      halls,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  private async assertTimeZone(zone: string): Promise<void> {
    // The zone must be known both here (Intl) and to PostgreSQL, which computes the instants.
    const ok =
      isValidTimeZone(zone) &&
      (
        await this.dataSource.query<{ ok: boolean }[]>(
          `SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS ok`,
          [zone],
        )
      )[0].ok;
    if (!ok) throw DomainError.validation({ timeZone: FieldErrorCode.INVALID_TIME_ZONE });
  }

  private assertDaysAndHalls(
    days: { date: string; opensAt: string; closesAt: string }[],
    halls: HallInput[],
  ): void {
    const errors: Record<string, FieldErrorCode> = {};
    for (const [k, v] of Object.entries(dayErrors(days))) errors[k] = FieldErrorCode[v];
    const codes = new Set<string>();
    halls.forEach((h, i) => {
      const code = h.code.toUpperCase();
      if (codes.has(code)) errors[`halls.${i}.code`] = FieldErrorCode.INVALID_VALUE;
      codes.add(code);
    });
    if (Object.keys(errors).length) throw DomainError.validation(errors);
  }

  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    const rows = await manager.query<{ slug: string }[]>(
      `SELECT slug FROM fairs WHERE slug = $1 OR slug LIKE $2`,
      [base, `${base}-%`],
    );
    const taken = new Set(rows.map((r) => r.slug));
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }

  private async replaceDays(
    manager: EntityManager,
    fairId: string,
    days: { date: string; opensAt: string; closesAt: string }[],
  ): Promise<void> {
    await manager.delete(FairDayRow, { fairId });
    if (days.length === 0) return;
    await manager.insert(
      FairDayRow,
      days.map((d) => ({ fairId, day: d.date, opensAt: d.opensAt, closesAt: d.closesAt })),
    );
  }

  /** Halls are matched by code: kept ones are updated, new ones added, missing ones removed unless booths use them. */
  private async replaceHalls(manager: EntityManager, fairId: string, halls: HallInput[]): Promise<void> {
    const existing = await manager.find(HallRow, { where: { fairId } });
    const byCode = new Map(existing.map((h) => [h.code.toUpperCase(), h]));
    const wanted = new Set(halls.map((h) => h.code.toUpperCase()));
    const removed = existing.filter((h) => !wanted.has(h.code.toUpperCase()));
    if (removed.length) {
      const [{ used }] = await manager.query<{ used: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM booths WHERE hall_id = ANY($1) OR preferred_hall_id = ANY($1)) AS used`,
        [removed.map((h) => h.id)],
      );
      if (used) throw new DomainError(ErrorCode.HALL_IN_USE, 409);
      await manager.delete(
        HallRow,
        removed.map((h) => h.id),
      );
    }
    for (const h of halls) {
      const code = h.code.toUpperCase();
      const row = byCode.get(code);
      if (row) {
        await manager.update(
          HallRow,
          { id: row.id },
          { name: h.name, gridRows: h.gridRows, gridCols: h.gridCols },
        );
      } else {
        await manager.insert(HallRow, {
          fairId,
          code,
          name: h.name,
          gridRows: h.gridRows,
          gridCols: h.gridCols,
        });
      }
    }
  }

  private async audit(
    manager: EntityManager,
    auth: AuthUser,
    action: string,
    entityId: string,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    await this.auditLog.record(manager, {
      actorId: auth.id,
      action,
      entityType: 'fair',
      entityId,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
  }
}
