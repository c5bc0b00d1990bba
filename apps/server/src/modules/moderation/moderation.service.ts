import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CompanySummary, ModerationProduct, Page } from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { RealtimeService } from '../../realtime/realtime.service';
import { AuditService } from '../audit';
import { SessionService } from '../auth';
import { CompaniesService, Company } from '../companies';
import { NotificationsService } from '../notifications';
import { ProductRow } from '../products';
import type { ListModerationProductsDto } from './dto/moderation.dto';

/**
 * What organizers do to keep the catalogue clean: unpublish a product, suspend or reinstate a
 * company. Each action is audited with the fields before and after, and the owners are told.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly sessions: SessionService,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly clock: Clock,
  ) {}

  async listProducts(query: ListModerationProductsDto): Promise<Page<ModerationProduct>> {
    const params = pageParams(query);
    const where: string[] = [];
    const values: unknown[] = [];
    if (query.status) {
      values.push(query.status);
      where.push(`p.status = $${values.length}`);
    }
    if (query.companyId) {
      values.push(query.companyId);
      where.push(`p.company_id = $${values.length}`);
    }
    if (query.q?.trim()) {
      values.push(query.q.trim());
      where.push(
        `strpos(cm_search_text(p.name_vi || ' ' || p.name_en || ' ' || c.name), cm_search_text($${values.length})) > 0`,
      );
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM products p JOIN companies c ON c.id = p.company_id ${filter}`,
      values,
    );
    const rows = await this.dataSource.query<ProductListRow[]>(
      `SELECT p.id, p.slug, p.status, p.moderation_reason, p.name_vi, p.name_en, p.category_code,
              p.company_id, c.name AS company_name, c.status AS company_status, p.published_at, p.updated_at
         FROM products p JOIN companies c ON c.id = p.company_id
         ${filter}
        ORDER BY p.updated_at DESC, p.id
        LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, params.pageSize, (params.page - 1) * params.pageSize],
    );
    return pageOf(rows.map(toModerationProduct), total, params);
  }

  async unpublishProduct(auth: AuthUser, id: string, reason: string): Promise<ModerationProduct> {
    const notes = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ProductRow, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound();
      if (row.status !== 'published') throw DomainError.conflict();
      const before = {
        status: row.status,
        moderationReason: row.moderationReason,
        publishedAt: row.publishedAt,
      };
      row.status = 'unpublished';
      row.moderationReason = reason;
      row.publishedAt = null;
      row.updatedAt = this.clock.now();
      await manager.save(ProductRow, row);
      await manager.query(`SELECT cm_refresh_product_search(ARRAY[$1]::uuid[])`, [id]);
      await this.audit.record(manager, {
        actorId: auth.id,
        action: 'product.unpublish',
        entityType: 'product',
        entityId: id,
        companyId: row.companyId,
        reason,
        before,
        after: { status: row.status, moderationReason: reason, publishedAt: null },
      });
      const members = await this.companies.memberIds(row.companyId, manager);
      return this.notifications.create(manager, members, 'product.unpublished', {
        productId: row.id,
        productName: row.nameVi,
        productNameEn: row.nameEn,
        reason,
      });
    });
    this.notifications.push(notes);
    const [product] = (await this.listProductsById(id)).items;
    return product;
  }

  /** approved → suspended: products leave the catalogue, sign-in is refused and sessions end. */
  async suspendCompany(auth: AuthUser, id: string, reason: string): Promise<CompanySummary> {
    return this.setCompanyStatus(auth, id, 'suspend', reason);
  }

  /** suspended → approved. */
  async reinstateCompany(auth: AuthUser, id: string, reason: string | null): Promise<CompanySummary> {
    return this.setCompanyStatus(auth, id, 'reinstate', reason);
  }

  private async setCompanyStatus(
    auth: AuthUser,
    id: string,
    action: 'suspend' | 'reinstate',
    reason: string | null,
  ): Promise<CompanySummary> {
    const { company, notes } = await this.dataSource.transaction(async (manager) => {
      const company = await manager.findOne(Company, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!company) throw DomainError.notFound();
      const from = action === 'suspend' ? 'approved' : 'suspended';
      if (company.status !== from) throw DomainError.conflict();
      const before = { status: company.status, statusReason: company.statusReason };
      company.status = action === 'suspend' ? 'suspended' : 'approved';
      company.statusReason = action === 'suspend' ? reason : null;
      company.reviewedAt = this.clock.now();
      company.reviewedBy = auth.id;
      await manager.save(Company, company);
      const members = await this.companies.memberIds(id, manager);
      if (action === 'suspend') {
        for (const userId of members) await this.sessions.revokeAll(manager, userId);
      }
      await this.audit.record(manager, {
        actorId: auth.id,
        action: `company.${action}`,
        entityType: 'company',
        entityId: id,
        companyId: id,
        reason,
        before,
        after: { status: company.status, statusReason: company.statusReason },
      });
      const data: Record<string, string> = { companyId: id, companyName: company.name };
      if (reason) data.reason = reason;
      const notes = await this.notifications.create(
        manager,
        members,
        action === 'suspend' ? 'company.suspended' : 'company.reinstated',
        data,
      );
      return { company, notes };
    });
    this.notifications.push(notes);
    this.realtime.toCompany(id, 'company:status', {
      companyId: id,
      status: company.status,
      reason: company.statusReason,
    });
    this.realtime.toOrganizers('companies:pending-changed', { companyId: id });
    return this.companies.get(auth, id);
  }

  private listProductsById(id: string): Promise<Page<ModerationProduct>> {
    return this.dataSource
      .query<ProductListRow[]>(
        `SELECT p.id, p.slug, p.status, p.moderation_reason, p.name_vi, p.name_en, p.category_code,
                p.company_id, c.name AS company_name, c.status AS company_status, p.published_at, p.updated_at
           FROM products p JOIN companies c ON c.id = p.company_id WHERE p.id = $1`,
        [id],
      )
      .then((rows) => pageOf(rows.map(toModerationProduct), rows.length, { page: 1, pageSize: 1 }));
  }
}

interface ProductListRow {
  id: string;
  slug: string;
  status: ModerationProduct['status'];
  moderation_reason: string | null;
  name_vi: string;
  name_en: string;
  category_code: string;
  company_id: string;
  company_name: string;
  company_status: ModerationProduct['companyStatus'];
  published_at: Date | null;
  updated_at: Date;
}

function toModerationProduct(r: ProductListRow): ModerationProduct {
  return {
    id: r.id,
    slug: r.slug,
    status: r.status,
    moderationReason: r.moderation_reason,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    categoryCode: r.category_code.trim(),
    companyId: r.company_id,
    companyName: r.company_name,
    companyStatus: r.company_status,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
