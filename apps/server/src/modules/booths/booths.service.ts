import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  POSTER_PRODUCTS,
  type Booth as BoothDto,
  type BoothPage,
  type BoothPoster,
  type BoothProductRef,
  type BoothSize,
  type BoothStatus,
  type EligibleProduct,
  type FairStatus,
  type FloorPlan,
  type FloorHall,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { RealtimeService } from '../../realtime/realtime.service';
import { AuditService } from '../audit';
import { CompaniesService } from '../companies';
import { FairCache } from '../fairs';
import { NotificationsService } from '../notifications';
import { QrService } from '../qr';
import { Booth, BoothProduct } from './booth.entity';
import type { ApplyBoothDto, ApproveBoothDto, ListBoothsDto, UpdateBoothDto } from './dto/booth.dto';

interface BoothRow {
  id: string;
  fair_id: string;
  fair_slug: string;
  fair_name_vi: string;
  fair_name_en: string;
  fair_status: FairStatus;
  company_id: string;
  company_name: string;
  status: BoothStatus;
  size: BoothSize;
  preferred_hall_id: string | null;
  preferred_hall_code: string | null;
  hall_id: string | null;
  hall_code: string | null;
  hall_name: string | null;
  code: string | null;
  grid_row: number | null;
  grid_col: number | null;
  note: string | null;
  status_reason: string | null;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  products: BoothProductRef[];
}

const BOOTH_SQL = `
  SELECT b.id, b.fair_id, f.slug AS fair_slug, f.name_vi AS fair_name_vi, f.name_en AS fair_name_en,
         f.status AS fair_status, b.company_id, c.name AS company_name, b.status, b.size,
         b.preferred_hall_id, ph.code AS preferred_hall_code, b.hall_id, h.code AS hall_code, h.name AS hall_name,
         b.code, b.grid_row, b.grid_col, b.note, b.status_reason, b.reviewed_at, b.created_at, b.updated_at,
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'slug', p.slug, 'nameVi', p.name_vi, 'nameEn', p.name_en)
                                   ORDER BY p.name_vi, p.id)
                     FROM booth_products bp JOIN products p ON p.id = bp.product_id
                    WHERE bp.booth_id = b.id), '[]'::json) AS products
    FROM booths b
    JOIN fairs f ON f.id = b.fair_id
    JOIN companies c ON c.id = b.company_id
    LEFT JOIN halls ph ON ph.id = b.preferred_hall_id
    LEFT JOIN halls h ON h.id = b.hall_id`;

function toBooth(r: BoothRow): BoothDto {
  return {
    id: r.id,
    fairId: r.fair_id,
    fairSlug: r.fair_slug,
    fairNameVi: r.fair_name_vi,
    fairNameEn: r.fair_name_en,
    fairStatus: r.fair_status,
    companyId: r.company_id,
    companyName: r.company_name,
    status: r.status,
    size: r.size,
    preferredHallId: r.preferred_hall_id,
    preferredHallCode: r.preferred_hall_code,
    hallId: r.hall_id,
    hallCode: r.hall_code,
    hallName: r.hall_name,
    code: r.code,
    gridRow: r.grid_row === null ? null : Number(r.grid_row),
    gridCol: r.grid_col === null ? null : Number(r.grid_col),
    note: r.note,
    statusReason: r.status_reason,
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    products: r.products,
  };
}

/** Which unique constraint a failed write hit, if any. */
function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' ? (driver.constraint ?? '') : null;
}

/** Booth applications by approved exhibitors, reviewed by the organizer. */
@Injectable()
export class BoothsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly companies: CompaniesService,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly auditLog: AuditService,
    private readonly qr: QrService,
    private readonly clock: Clock,
    private readonly fairCache: FairCache,
  ) {}

  async apply(auth: AuthUser, fairId: string, dto: ApplyBoothDto): Promise<BoothDto> {
    const company = await this.companies.assertApproved(auth);
    const fair = await this.fairStatus(fairId);
    if (fair !== 'registration') throw new DomainError(ErrorCode.FAIR_NOT_OPEN, 409);
    await this.assertChoices(company.id, fairId, dto.preferredHallId ?? null, dto.productIds);
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const existing = await manager.findOne(Booth, {
          where: { fairId, companyId: company.id },
          lock: { mode: 'pessimistic_write' },
        });
        // A withdrawn application may be sent again; any other is one too many.
        if (existing && existing.status !== 'withdrawn')
          throw new DomainError(ErrorCode.BOOTH_ALREADY_APPLIED, 409);
        const now = this.clock.now();
        const values = {
          status: 'pending' as const,
          preferredHallId: dto.preferredHallId ?? null,
          size: dto.size,
          note: dto.note ?? null,
          statusReason: null,
          updatedAt: now,
        };
        let boothId: string;
        if (existing) {
          await manager.update(Booth, { id: existing.id }, values);
          boothId = existing.id;
        } else {
          const saved = await manager.save(
            Booth,
            manager.create(Booth, { ...values, fairId, companyId: company.id, createdAt: now }),
          );
          boothId = saved.id;
        }
        await this.replaceProducts(manager, boothId, dto.productIds);
        return boothId;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'booths_one_per_company') {
        throw new DomainError(ErrorCode.BOOTH_ALREADY_APPLIED, 409);
      }
      throw error;
    }
    return this.load(id);
  }

  /** The caller's company's applications, newest fair first. */
  async mine(auth: AuthUser): Promise<BoothDto[]> {
    const membership = await this.companies.membershipOf(auth.id);
    if (!membership) return [];
    const rows = await this.dataSource.query<BoothRow[]>(
      `${BOOTH_SQL} WHERE b.company_id = $1 ORDER BY b.created_at DESC, b.id`,
      [membership.company.id],
    );
    return rows.map(toBooth);
  }

  async get(auth: AuthUser, id: string): Promise<BoothDto> {
    const booth = await this.load(id);
    await this.companies.assertCanRead(auth, booth.companyId);
    return booth;
  }

  /** The exhibitor changes its application while it waits for review. */
  async update(auth: AuthUser, id: string, dto: UpdateBoothDto): Promise<BoothDto> {
    const current = await this.load(id);
    await this.companies.assertMember(auth, current.companyId);
    if (current.fairStatus !== 'registration') throw new DomainError(ErrorCode.FAIR_NOT_OPEN, 409);
    await this.assertChoices(
      current.companyId,
      current.fairId,
      dto.preferredHallId === undefined ? null : dto.preferredHallId,
      dto.productIds ?? [],
    );
    await this.dataSource.transaction(async (manager) => {
      const booth = await this.lockPending(manager, id);
      if (dto.preferredHallId !== undefined) booth.preferredHallId = dto.preferredHallId ?? null;
      if (dto.size !== undefined) booth.size = dto.size;
      if (dto.note !== undefined) booth.note = dto.note ?? null;
      booth.updatedAt = this.clock.now();
      await manager.save(booth);
      if (dto.productIds) await this.replaceProducts(manager, id, dto.productIds);
    });
    return this.load(id);
  }

  async withdraw(auth: AuthUser, id: string): Promise<BoothDto> {
    const current = await this.load(id);
    await this.companies.assertMember(auth, current.companyId);
    await this.dataSource.transaction(async (manager) => {
      const booth = await this.lockPending(manager, id);
      booth.status = 'withdrawn';
      booth.updatedAt = this.clock.now();
      await manager.save(booth);
    });
    return this.load(id);
  }

  async listForFair(fairId: string, query: ListBoothsDto): Promise<BoothPage> {
    await this.fairStatus(fairId);
    const params = pageParams(query);
    const where = ['b.fair_id = $1'];
    const args: unknown[] = [fairId];
    if (query.status) {
      args.push(query.status);
      where.push(`b.status = $${args.length}`);
    }
    if (query.hallId) {
      args.push(query.hallId);
      where.push(`coalesce(b.hall_id, b.preferred_hall_id) = $${args.length}`);
    }
    const clause = where.join(' AND ');
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM booths b WHERE ${clause}`,
      args,
    );
    const rows = await this.dataSource.query<BoothRow[]>(
      `${BOOTH_SQL} WHERE ${clause}
        ORDER BY b.status = 'pending' DESC, b.created_at, b.id
        LIMIT ${params.pageSize} OFFSET ${(params.page - 1) * params.pageSize}`,
      args,
    );
    return pageOf(rows.map(toBooth), Number(total), params);
  }

  /**
   * Approves with a hall and a code. The database keeps codes unique within the fair: of two
   * concurrent approvals with one code, the second fails on booths_code_unique and writes nothing.
   */
  async approve(auth: AuthUser, id: string, dto: ApproveBoothDto): Promise<BoothDto> {
    const code = dto.code.trim().toUpperCase();
    const gridRow = dto.gridRow ?? null;
    const gridCol = dto.gridCol ?? null;
    if ((gridRow === null) !== (gridCol === null)) {
      throw DomainError.validation({ [gridRow === null ? 'gridRow' : 'gridCol']: FieldErrorCode.REQUIRED });
    }
    let result: {
      booth: Booth;
      notes: Awaited<ReturnType<NotificationsService['create']>>;
      hallName: string;
      hallCode: string;
    };
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const booth = await this.lockPending(manager, id);
        const [hall] = await manager.query<
          { code: string; name: string; grid_rows: number; grid_cols: number }[]
        >(`SELECT code, name, grid_rows, grid_cols FROM halls WHERE id = $1 AND fair_id = $2`, [
          dto.hallId,
          booth.fairId,
        ]);
        if (!hall) throw DomainError.validation({ hallId: FieldErrorCode.INVALID_VALUE });
        const outside: Record<string, FieldErrorCode> = {};
        if (gridRow !== null && gridRow > Number(hall.grid_rows)) outside.gridRow = FieldErrorCode.TOO_LARGE;
        if (gridCol !== null && gridCol > Number(hall.grid_cols)) outside.gridCol = FieldErrorCode.TOO_LARGE;
        if (Object.keys(outside).length) throw DomainError.validation(outside);

        const before = { status: booth.status };
        booth.status = 'approved';
        booth.hallId = dto.hallId;
        booth.code = code;
        booth.gridRow = gridRow;
        booth.gridCol = gridCol;
        booth.statusReason = null;
        booth.reviewedAt = this.clock.now();
        booth.reviewedBy = auth.id;
        booth.updatedAt = booth.reviewedAt;
        await manager.save(booth);
        await this.auditLog.record(manager, {
          actorId: auth.id,
          action: 'booth.approve',
          entityType: 'booth',
          entityId: booth.id,
          companyId: booth.companyId,
          before,
          after: { status: 'approved', hallId: dto.hallId, code, gridRow, gridCol },
        });
        const fair = await this.fairNames(manager, booth.fairId);
        const notes = await this.notifications.create(
          manager,
          await this.companies.memberIds(booth.companyId, manager),
          'booth.approved',
          {
            boothId: booth.id,
            fairId: booth.fairId,
            fairName: fair.nameVi,
            fairNameEn: fair.nameEn,
            code,
            hallName: hall.name,
          },
        );
        return { booth, notes, hallName: hall.name, hallCode: hall.code };
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'booths_code_unique') {
        throw new DomainError(ErrorCode.BOOTH_CODE_TAKEN, 409, { details: { code } });
      }
      if (constraint === 'booths_cell_unique') throw new DomainError(ErrorCode.BOOTH_CELL_TAKEN, 409);
      throw error;
    }
    // the fair's count of approved booths moved
    this.fairCache.forget(result.booth.fairId);
    this.announce(result.booth, result.hallCode, result.notes);
    return this.load(id);
  }

  async reject(auth: AuthUser, id: string, reason: string): Promise<BoothDto> {
    const { booth, notes } = await this.dataSource.transaction(async (manager) => {
      const booth = await this.lockPending(manager, id);
      booth.status = 'rejected';
      booth.statusReason = reason;
      booth.reviewedAt = this.clock.now();
      booth.reviewedBy = auth.id;
      booth.updatedAt = booth.reviewedAt;
      await manager.save(booth);
      await this.auditLog.record(manager, {
        actorId: auth.id,
        action: 'booth.reject',
        entityType: 'booth',
        entityId: booth.id,
        companyId: booth.companyId,
        reason,
        before: { status: 'pending' },
        after: { status: 'rejected' },
      });
      const fair = await this.fairNames(manager, booth.fairId);
      const notes = await this.notifications.create(
        manager,
        await this.companies.memberIds(booth.companyId, manager),
        'booth.rejected',
        { boothId: booth.id, fairId: booth.fairId, fairName: fair.nameVi, fairNameEn: fair.nameEn, reason },
      );
      return { booth, notes };
    });
    this.announce(booth, null, notes);
    return this.load(id);
  }

  /** Halls with their grids and the approved booths placed in them. */
  async floor(fairId: string): Promise<FloorPlan> {
    await this.fairStatus(fairId);
    const halls = await this.dataSource.query<
      (Omit<FloorHall, 'booths'> & { booths: FloorHall['booths'] })[]
    >(
      `SELECT h.id, h.code, h.name, h.grid_rows AS "gridRows", h.grid_cols AS "gridCols",
              coalesce((SELECT json_agg(json_build_object(
                          'id', b.id, 'code', b.code, 'companyId', b.company_id, 'companyName', c.name,
                          'size', b.size, 'gridRow', b.grid_row, 'gridCol', b.grid_col)
                        ORDER BY b.code)
                  FROM booths b JOIN companies c ON c.id = b.company_id
                 WHERE b.hall_id = h.id AND b.status = 'approved'), '[]'::json) AS booths
         FROM halls h WHERE h.fair_id = $1 ORDER BY h.code`,
      [fairId],
    );
    return { fairId, halls };
  }

  /** Public poster data of an approved booth: code, hall, company, QRs to its catalogue and top products. */
  async poster(id: string): Promise<BoothPoster> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        code: string;
        hall_code: string;
        hall_name: string;
        company_id: string;
        company_name: string;
        village_vi: string | null;
        village_en: string | null;
        province_vi: string | null;
        province_en: string | null;
        fair_slug: string;
        fair_name_vi: string;
        fair_name_en: string;
        venue: string;
        start_date: string | null;
        end_date: string | null;
      }[]
    >(
      `SELECT b.id, b.code, h.code AS hall_code, h.name AS hall_name, c.id AS company_id, c.name AS company_name,
              v.name_vi AS village_vi, v.name_ascii AS village_en, pv.name_vi AS province_vi, pv.name_en AS province_en,
              f.slug AS fair_slug, f.name_vi AS fair_name_vi, f.name_en AS fair_name_en, f.venue,
              (SELECT to_char(min(day), 'YYYY-MM-DD') FROM fair_days WHERE fair_id = f.id) AS start_date,
              (SELECT to_char(max(day), 'YYYY-MM-DD') FROM fair_days WHERE fair_id = f.id) AS end_date
         FROM booths b
         JOIN halls h ON h.id = b.hall_id
         JOIN fairs f ON f.id = b.fair_id
         JOIN companies c ON c.id = b.company_id
         LEFT JOIN exhibitor_profiles ep ON ep.company_id = c.id
         LEFT JOIN craft_villages v ON v.code = ep.village_code
         LEFT JOIN provinces pv ON pv.code = coalesce(ep.province_code, v.province_code)
        WHERE b.id = $1 AND b.status = 'approved' AND f.status <> 'draft' AND c.status = 'approved'`,
      [id],
    );
    if (!row) throw DomainError.notFound();
    // The products shown on the booth first, then the company's other published ones.
    const products = await this.dataSource.query<{ slug: string; name_vi: string; name_en: string }[]>(
      `SELECT p.slug, p.name_vi, p.name_en
         FROM products p
         LEFT JOIN booth_products bp ON bp.product_id = p.id AND bp.booth_id = $1
        WHERE p.company_id = $2 AND p.status = 'published'
        ORDER BY bp.booth_id IS NULL, p.published_at DESC NULLS LAST, p.id
        LIMIT ${POSTER_PRODUCTS}`,
      [id, row.company_id],
    );
    const base = this.config.publicUrl.replace(/\/+$/, '');
    const catalogueUrl = `${base}/e/${row.company_id}`;
    return {
      boothId: row.id,
      code: row.code,
      hallCode: row.hall_code,
      hallName: row.hall_name,
      companyId: row.company_id,
      companyName: row.company_name,
      villageVi: row.village_vi,
      villageEn: row.village_en,
      provinceVi: row.province_vi,
      provinceEn: row.province_en,
      fair: {
        slug: row.fair_slug,
        nameVi: row.fair_name_vi,
        nameEn: row.fair_name_en,
        venue: row.venue,
        startDate: row.start_date,
        endDate: row.end_date,
      },
      catalogueUrl,
      catalogueQrSvg: await this.qr.qrSvg(catalogueUrl),
      products: await Promise.all(
        products.map(async (p) => {
          const url = this.qr.productUrl(p.slug);
          return { slug: p.slug, nameVi: p.name_vi, nameEn: p.name_en, url, qrSvg: await this.qr.qrSvg(url) };
        }),
      ),
    };
  }

  /** The caller's company's published products, to pick for a booth. */
  async eligibleProducts(auth: AuthUser): Promise<EligibleProduct[]> {
    const membership = await this.companies.membershipOf(auth.id);
    if (!membership) return [];
    return this.dataSource.query<EligibleProduct[]>(
      `SELECT id, slug, name_vi AS "nameVi", name_en AS "nameEn", category_code AS "categoryCode"
         FROM products WHERE company_id = $1 AND status = 'published' ORDER BY name_vi, id`,
      [membership.company.id],
    );
  }

  private announce(
    booth: Booth,
    hallCode: string | null,
    notes: Awaited<ReturnType<NotificationsService['create']>>,
  ): void {
    this.notifications.push(notes);
    this.realtime.toCompany(booth.companyId, 'booth:status', {
      boothId: booth.id,
      fairId: booth.fairId,
      companyId: booth.companyId,
      status: booth.status,
      code: booth.code,
      hallCode,
      reason: booth.statusReason,
    });
  }

  private async load(id: string): Promise<BoothDto> {
    const [row] = await this.dataSource.query<BoothRow[]>(`${BOOTH_SQL} WHERE b.id = $1`, [id]);
    if (!row) throw DomainError.notFound();
    return toBooth(row);
  }

  private async lockPending(manager: EntityManager, id: string): Promise<Booth> {
    const booth = await manager.findOne(Booth, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!booth) throw DomainError.notFound();
    if (booth.status !== 'pending') throw new DomainError(ErrorCode.BOOTH_NOT_PENDING, 409);
    return booth;
  }

  private async fairStatus(fairId: string): Promise<FairStatus> {
    const [fair] = await this.dataSource.query<{ status: FairStatus }[]>(
      `SELECT status FROM fairs WHERE id = $1`,
      [fairId],
    );
    if (!fair) throw DomainError.notFound();
    return fair.status;
  }

  private async fairNames(
    manager: EntityManager,
    fairId: string,
  ): Promise<{ nameVi: string; nameEn: string }> {
    const [fair] = await manager.query<{ name_vi: string; name_en: string }[]>(
      `SELECT name_vi, name_en FROM fairs WHERE id = $1`,
      [fairId],
    );
    return { nameVi: fair.name_vi, nameEn: fair.name_en };
  }

  /** The preferred hall is one of the fair's; the products are the company's own and published. */
  private async assertChoices(
    companyId: string,
    fairId: string,
    preferredHallId: string | null,
    productIds: string[],
  ): Promise<void> {
    const errors: Record<string, FieldErrorCode> = {};
    if (preferredHallId) {
      const [{ ok }] = await this.dataSource.query<{ ok: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM halls WHERE id = $1 AND fair_id = $2) AS ok`,
        [preferredHallId, fairId],
      );
      if (!ok) errors.preferredHallId = FieldErrorCode.INVALID_VALUE;
    }
    const unique = [...new Set(productIds)];
    if (unique.length) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM products WHERE id = ANY($1) AND company_id = $2 AND status = 'published'`,
        [unique, companyId],
      );
      if (Number(n) !== unique.length) errors.productIds = FieldErrorCode.PRODUCT_NOT_ELIGIBLE;
    }
    if (Object.keys(errors).length) throw DomainError.validation(errors);
  }

  private async replaceProducts(
    manager: EntityManager,
    boothId: string,
    productIds: string[],
  ): Promise<void> {
    await manager.delete(BoothProduct, { boothId });
    const unique = [...new Set(productIds)];
    if (unique.length)
      await manager.insert(
        BoothProduct,
        unique.map((productId) => ({ boothId, productId })),
      );
  }
}
