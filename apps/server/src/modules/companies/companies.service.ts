import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  type CompanyKind,
  type CompanyMember,
  type CompanyStatus,
  type CompanySummary,
  type MembershipRole,
  type Page,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { RealtimeService } from '../../realtime/realtime.service';
import { MailService } from '../mail';
import { NotificationsService } from '../notifications';
import { User } from '../users';
import { CompanyMembership } from './company-membership.entity';
import { Company } from './company.entity';
import type { ListCompaniesDto } from './dto/list-companies.dto';

export interface NewCompany {
  kind: CompanyKind;
  name: string;
  countryCode?: string | null;
}

const READERS = new Set(['organizer', 'organizer_staff']);

/** Reviews allowed: a pending company is approved or rejected; a rejected one may be approved later. */
const REVIEWS: Record<CompanyStatus, CompanyStatus[]> = {
  pending: ['approved', 'rejected'],
  rejected: ['approved'],
  approved: [],
  // suspension and reinstatement are moderation actions (modules/moderation), not reviews
  suspended: [],
};

@Injectable()
export class CompaniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** Creates a pending company with its first member as owner, inside the caller's transaction. */
  async register(manager: EntityManager, input: NewCompany, ownerUserId: string): Promise<Company> {
    const company = await manager.save(
      Company,
      manager.create(Company, {
        kind: input.kind,
        name: input.name.trim(),
        countryCode: input.countryCode?.toUpperCase() ?? null,
        status: 'pending',
      }),
    );
    await this.addMember(manager, company.id, ownerUserId, 'owner');
    return company;
  }

  async addMember(
    manager: EntityManager,
    companyId: string,
    userId: string,
    role: MembershipRole,
  ): Promise<void> {
    await manager.insert(CompanyMembership, { companyId, userId, role });
  }

  /** Tells organizers a company waits for review. Call after commit. */
  async announceRegistration(company: Company): Promise<void> {
    const organizers = await this.dataSource
      .getRepository(User)
      .find({ where: { role: 'organizer' }, select: { id: true } });
    await this.notifications.notify(
      organizers.map((o) => o.id),
      'company.registered',
      { companyName: company.name, kind: company.kind },
    );
    this.realtime.toOrganizers('companies:pending-changed', { companyId: company.id });
  }

  async membershipOf(userId: string): Promise<{ company: Company; role: MembershipRole } | null> {
    const membership = await this.dataSource.getRepository(CompanyMembership).findOneBy({ userId });
    if (!membership) return null;
    const company = await this.dataSource
      .getRepository(Company)
      .findOneByOrFail({ id: membership.companyId });
    return { company, role: membership.role };
  }

  async memberIds(companyId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.find(CompanyMembership, { where: { companyId }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  /** Only members of the company may act on it. The membership is checked in the database, not the token. */
  async assertMember(auth: AuthUser, companyId: string): Promise<void> {
    const found = await this.dataSource
      .getRepository(CompanyMembership)
      .existsBy({ companyId, userId: auth.id });
    if (!found) throw DomainError.forbidden();
  }

  /** Members read their company; organizers and their staff read every company. */
  async assertCanRead(auth: AuthUser, companyId: string): Promise<void> {
    if (READERS.has(auth.role)) return;
    await this.assertMember(auth, companyId);
  }

  /** Gate for what later features allow only once the organizer has approved the company. */
  async assertApproved(auth: AuthUser): Promise<Company> {
    const membership = await this.membershipOf(auth.id);
    if (!membership) throw DomainError.forbidden();
    if (membership.company.status !== 'approved') throw new DomainError(ErrorCode.COMPANY_NOT_APPROVED, 403);
    return membership.company;
  }

  async list(query: ListCompaniesDto): Promise<Page<CompanySummary>> {
    const params = pageParams(query);
    const qb = this.summaryQuery();
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.q?.trim()) {
      qb.andWhere(
        `(unaccent(lower(c.name)) LIKE unaccent(lower(:q)) OR EXISTS (
            SELECT 1 FROM company_memberships qm JOIN users qu ON qu.id = qm.user_id
            WHERE qm.company_id = c.id AND lower(qu.email) LIKE lower(:q)))`,
        { q: `%${query.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%` },
      );
    }
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('c.created_at', query.status === 'pending' ? 'ASC' : 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset((params.page - 1) * params.pageSize)
      .limit(params.pageSize)
      .getRawMany<SummaryRow>();
    return pageOf(rows.map(toSummary), total, params);
  }

  async get(auth: AuthUser, id: string): Promise<CompanySummary> {
    await this.assertCanRead(auth, id);
    return this.summary(id);
  }

  async members(auth: AuthUser, id: string): Promise<CompanyMember[]> {
    await this.assertCanRead(auth, id);
    const rows = await this.dataSource.query<
      { user_id: string; email: string; full_name: string; role: MembershipRole; created_at: Date }[]
    >(
      `SELECT m.user_id, u.email, u.full_name, m.role, m.created_at
         FROM company_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.company_id = $1 ORDER BY m.role = 'owner' DESC, m.created_at, u.email`,
      [id],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      email: r.email,
      fullName: r.full_name,
      role: r.role,
      joinedAt: new Date(r.created_at).toISOString(),
    }));
  }

  approve(auth: AuthUser, id: string): Promise<CompanySummary> {
    return this.review(auth, id, 'approved', null);
  }

  reject(auth: AuthUser, id: string, reason: string): Promise<CompanySummary> {
    return this.review(auth, id, 'rejected', reason.trim());
  }

  private async review(
    auth: AuthUser,
    id: string,
    status: CompanyStatus,
    reason: string | null,
  ): Promise<CompanySummary> {
    const { company, notifications } = await this.dataSource.transaction(async (manager) => {
      const company = await manager.findOne(Company, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!company) throw DomainError.notFound();
      if (!REVIEWS[company.status].includes(status)) {
        throw new DomainError(ErrorCode.COMPANY_ALREADY_REVIEWED, 409);
      }
      company.status = status;
      company.statusReason = reason;
      company.reviewedAt = this.clock.now();
      company.reviewedBy = auth.id;
      await manager.save(company);
      const members = await this.memberIds(id, manager);
      const data: Record<string, string> = { companyName: company.name, companyId: company.id };
      if (reason) data.reason = reason;
      const notifications = await this.notifications.create(
        manager,
        members,
        status === 'approved' ? 'company.approved' : 'company.rejected',
        data,
      );
      return { company, notifications };
    });

    // After commit: live pushes, then e-mail in each member's own language.
    this.notifications.push(notifications);
    this.realtime.toCompany(company.id, 'company:status', {
      companyId: company.id,
      status: company.status,
      reason: company.statusReason,
    });
    this.realtime.toOrganizers('companies:pending-changed', { companyId: company.id });
    const users = await this.dataSource
      .getRepository(User)
      .findBy(notifications.map((n) => ({ id: n.userId })));
    const link = `${this.config.publicUrl}/company`;
    for (const user of users) {
      if (status === 'approved') {
        await this.mail.send({
          to: user.email,
          locale: user.locale,
          template: 'companyApproved',
          params: { company: company.name, link },
        });
      } else {
        await this.mail.send({
          to: user.email,
          locale: user.locale,
          template: 'companyRejected',
          params: { company: company.name, reason: reason ?? '', link },
        });
      }
    }
    return this.summary(company.id);
  }

  private summaryQuery() {
    return this.dataSource
      .createQueryBuilder()
      .from(Company, 'c')
      .select([
        'c.id AS id',
        'c.name AS name',
        'c.kind AS kind',
        'c.status AS status',
        'c.status_reason AS status_reason',
        'c.country_code AS country_code',
        'c.created_at AS created_at',
        'c.reviewed_at AS reviewed_at',
      ])
      .addSelect(
        '(SELECT count(*) FROM company_memberships m WHERE m.company_id = c.id)::int',
        'member_count',
      )
      .addSelect(
        `(SELECT u.email FROM company_memberships m JOIN users u ON u.id = m.user_id
           WHERE m.company_id = c.id AND m.role = 'owner' ORDER BY m.created_at LIMIT 1)`,
        'owner_email',
      );
  }

  private async summary(id: string): Promise<CompanySummary> {
    const row = await this.summaryQuery().where('c.id = :id', { id }).getRawOne<SummaryRow>();
    if (!row) throw DomainError.notFound();
    return toSummary(row);
  }
}

interface SummaryRow {
  id: string;
  name: string;
  kind: CompanyKind;
  status: CompanyStatus;
  status_reason: string | null;
  country_code: string | null;
  created_at: Date;
  reviewed_at: Date | null;
  member_count: number;
  owner_email: string | null;
}

function toSummary(r: SummaryRow): CompanySummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    statusReason: r.status_reason,
    countryCode: r.country_code,
    createdAt: new Date(r.created_at).toISOString(),
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    memberCount: Number(r.member_count),
    ownerEmail: r.owner_email,
  };
}
