import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  type AuditEntry,
  type Page,
  type SampleDetail,
  type SampleStatus,
  type SampleSummary,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { ORGANIZER_ROLES, partyPage } from '../../common/party-list';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { AuditService } from '../audit';
import { DealEventsService, toAuditEntry, type DealDelivery, type PendingDealEvent } from '../contracts';
import type { CreateSampleDto, ListSamplesDto, RejectSampleDto, SendSampleDto } from './dto/sample.dto';

interface SampleRow {
  id: string;
  fair_id: string;
  meeting_id: string | null;
  exhibitor_company_id: string;
  exhibitor_name: string;
  buyer_company_id: string;
  buyer_name: string;
  requested_by: string | null;
  requested_by_company_id: string;
  status: SampleStatus;
  courier: string | null;
  tracking_number: string | null;
  cost: string | null;
  currency: string | null;
  notes: string | null;
  reject_reason: string | null;
  item_count: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT_SAMPLE = `
  SELECT s.id, s.fair_id, s.meeting_id, s.exhibitor_company_id, ec.name AS exhibitor_name, s.buyer_company_id,
         bc.name AS buyer_name, s.requested_by, s.requested_by_company_id, s.status, s.courier, s.tracking_number,
         s.cost::text AS cost, s.currency, s.notes, s.reject_reason,
         (SELECT count(*)::int FROM sample_items i WHERE i.sample_id = s.id) AS item_count,
         s.created_at, s.updated_at
    FROM samples s
    JOIN companies ec ON ec.id = s.exhibitor_company_id
    JOIN companies bc ON bc.id = s.buyer_company_id`;

/** Which side moves a sample from one status to the next. */
const STEPS = {
  send: { from: 'requested', to: 'sent', side: 'exhibitor' },
  receive: { from: 'sent', to: 'received', side: 'buyer' },
  approve: { from: 'received', to: 'approved', side: 'buyer' },
  reject: { from: 'received', to: 'rejected', side: 'buyer' },
} as const satisfies Record<string, { from: SampleStatus; to: SampleStatus; side: 'exhibitor' | 'buyer' }>;
type Step = keyof typeof STEPS;

/** Sample requests: requested → sent (courier, tracking) → received → approved | rejected, audited and live. */
@Injectable()
export class SamplesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: DealEventsService,
  ) {}

  async create(auth: AuthUser, fairId: string, dto: CreateSampleDto): Promise<SampleDetail> {
    const { result, event } = await this.dataSource.transaction(async (manager) => {
      if (!auth.companyId) throw DomainError.forbidden();
      const [own] = await manager.query<{ id: string; kind: string; status: string }[]>(
        `SELECT id, kind, status FROM companies WHERE id = $1`,
        [auth.companyId],
      );
      if (!own) throw DomainError.forbidden();
      if (own.status !== 'approved') throw new DomainError(ErrorCode.COMPANY_NOT_APPROVED, 403);
      const [fair] = await manager.query<{ id: string }[]>(`SELECT id FROM fairs WHERE id = $1`, [fairId]);
      if (!fair) throw DomainError.notFound();
      const [other] = await manager.query<{ kind: string; status: string }[]>(
        `SELECT kind, status FROM companies WHERE id = $1`,
        [dto.counterpartCompanyId],
      );
      if (!other || other.kind === own.kind || other.status !== 'approved')
        throw DomainError.validation({ counterpartCompanyId: FieldErrorCode.NOT_A_COUNTERPART });
      const exhibitorId = own.kind === 'exhibitor' ? own.id : dto.counterpartCompanyId;
      const buyerId = own.kind === 'buyer' ? own.id : dto.counterpartCompanyId;
      if (dto.meetingId) {
        const [meeting] = await manager.query<{ id: string }[]>(
          `SELECT id FROM meetings WHERE id = $1 AND fair_id = $2 AND exhibitor_company_id = $3
              AND buyer_company_id = $4 AND status = 'held'`,
          [dto.meetingId, fairId, exhibitorId, buyerId],
        );
        if (!meeting) throw DomainError.validation({ meetingId: FieldErrorCode.MEETING_NOT_HELD });
      }
      if (dto.cost != null && !dto.currency)
        throw DomainError.validation({ currency: FieldErrorCode.REQUIRED });
      const productIds = [...new Set(dto.items.map((i) => i.productId).filter((p): p is string => !!p))];
      if (productIds.length) {
        const found = await manager.query<{ id: string }[]>(
          `SELECT id FROM products WHERE id = ANY($1::uuid[]) AND company_id = $2`,
          [productIds, exhibitorId],
        );
        const ok = new Set(found.map((f) => f.id));
        const fields: Record<string, FieldErrorCode> = {};
        dto.items.forEach((item, i) => {
          if (item.productId && !ok.has(item.productId))
            fields[`items.${i}.productId`] = FieldErrorCode.PRODUCT_NOT_ELIGIBLE;
        });
        if (Object.keys(fields).length) throw DomainError.validation(fields);
      }
      const now = this.clock.now();
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO samples (fair_id, meeting_id, exhibitor_company_id, buyer_company_id, requested_by,
                              requested_by_company_id, cost, currency, notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [
          fairId,
          dto.meetingId ?? null,
          exhibitorId,
          buyerId,
          auth.id,
          own.id,
          dto.cost ?? null,
          dto.cost != null ? dto.currency : (dto.currency ?? null),
          dto.notes || null,
          now,
        ],
      );
      await manager.query(
        `INSERT INTO sample_items (sample_id, position, product_id, description, quantity)
         SELECT $1, p, product_id, description, quantity
           FROM unnest($2::uuid[], $3::text[], $4::int[]) WITH ORDINALITY AS u(product_id, description, quantity, p)`,
        [
          row.id,
          dto.items.map((i) => i.productId ?? null),
          dto.items.map((i) => i.description),
          dto.items.map((i) => i.quantity),
        ],
      );
      const result = await this.load(manager, row.id);
      await this.audit.record(manager, {
        actorId: auth.id,
        action: 'sample.request',
        entityType: 'sample',
        entityId: row.id,
        companyId: own.id,
        before: null,
        after: {
          status: result.status,
          meetingId: result.meetingId,
          cost: result.cost,
          currency: result.currency,
          notes: result.notes,
          items: result.items,
        },
      });
      const notifications = await this.events.notify(manager, {
        fairId,
        actorCompanyId: own.id,
        recipientCompanyId: dto.counterpartCompanyId,
        type: 'sample.changed',
        mail: 'sample.requested',
        sampleStatus: 'requested',
        data: { sampleId: row.id },
      });
      return { result, event: this.event(result, notifications) };
    });
    await this.events.flush(event);
    return result;
  }

  send(auth: AuthUser, id: string, dto: SendSampleDto): Promise<SampleDetail> {
    return this.step(auth, id, 'send', { courier: dto.courier, trackingNumber: dto.trackingNumber });
  }

  receive(auth: AuthUser, id: string): Promise<SampleDetail> {
    return this.step(auth, id, 'receive', {});
  }

  approve(auth: AuthUser, id: string): Promise<SampleDetail> {
    return this.step(auth, id, 'approve', {});
  }

  reject(auth: AuthUser, id: string, dto: RejectSampleDto): Promise<SampleDetail> {
    return this.step(auth, id, 'reject', { rejectReason: dto.reason });
  }

  async list(auth: AuthUser, query: ListSamplesDto): Promise<Page<SampleSummary>> {
    const params = pageParams(query);
    const { rows, total } = await partyPage<SampleRow>(this.dataSource, auth, {
      table: 'samples',
      alias: 's',
      select: SELECT_SAMPLE,
      equals: { fair_id: query.fairId, status: query.status },
      params,
    });
    return pageOf(rows.map(toSummary), total, params);
  }

  async get(auth: AuthUser, id: string): Promise<SampleDetail> {
    const detail = await this.load(this.dataSource.manager, id);
    requireViewer(auth, detail);
    return detail;
  }

  async auditTrail(auth: AuthUser, id: string): Promise<AuditEntry[]> {
    await this.get(auth, id);
    const rows = await this.dataSource.query<Parameters<typeof toAuditEntry>[0][]>(
      `SELECT a.id::text AS id, a.actor_id, u.full_name AS actor_name, u.email AS actor_email, a.action,
              a.entity_type, a.entity_id, a.company_id, a.reason, a.before, a.after, a.created_at
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.entity_type = 'sample' AND a.entity_id = $1
        ORDER BY a.created_at, a.id`,
      [id],
    );
    return rows.map(toAuditEntry);
  }

  private async step(
    auth: AuthUser,
    id: string,
    name: Step,
    fields: { courier?: string; trackingNumber?: string; rejectReason?: string },
  ): Promise<SampleDetail> {
    const step = STEPS[name];
    const { result, event } = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<SampleRow[]>(`${SELECT_SAMPLE} WHERE s.id = $1 FOR UPDATE OF s`, [
        id,
      ]);
      if (!row) throw DomainError.notFound();
      const side =
        auth.companyId === row.exhibitor_company_id
          ? 'exhibitor'
          : auth.companyId === row.buyer_company_id
            ? 'buyer'
            : null;
      if (!side) throw DomainError.notFound();
      if (side !== step.side) throw DomainError.forbidden();
      if (row.status !== step.from) throw DomainError.conflict(ErrorCode.INVALID_SAMPLE_TRANSITION);
      await manager.query(
        `UPDATE samples SET status = $2, updated_at = $3,
                courier = coalesce($4, courier), tracking_number = coalesce($5, tracking_number),
                reject_reason = coalesce($6, reject_reason)
          WHERE id = $1`,
        [
          id,
          step.to,
          this.clock.now(),
          fields.courier ?? null,
          fields.trackingNumber ?? null,
          fields.rejectReason ?? null,
        ],
      );
      const result = await this.load(manager, id);
      await this.audit.record(manager, {
        actorId: auth.id,
        action: `sample.${name}`,
        entityType: 'sample',
        entityId: id,
        companyId: auth.companyId,
        reason: fields.rejectReason ?? null,
        before: {
          status: row.status,
          ...(name === 'send' ? { courier: row.courier, trackingNumber: row.tracking_number } : {}),
        },
        after: { status: step.to, ...fields },
      });
      const notifications = await this.events.notify(manager, {
        fairId: row.fair_id,
        actorCompanyId: auth.companyId!,
        recipientCompanyId: side === 'exhibitor' ? row.buyer_company_id : row.exhibitor_company_id,
        type: 'sample.changed',
        mail: `sample.${step.to}`,
        sampleStatus: step.to,
        data: {
          sampleId: id,
          ...(fields.courier ? { courier: fields.courier, trackingNumber: fields.trackingNumber ?? '' } : {}),
          ...(step.to === 'rejected' ? { reason: fields.rejectReason ?? '' } : {}),
        },
      });
      return { result, event: this.event(result, notifications) };
    });
    await this.events.flush(event);
    return result;
  }

  private event(s: SampleDetail, delivery: DealDelivery): PendingDealEvent {
    return {
      kind: 'sample',
      id: s.id,
      fairId: s.fairId,
      status: s.status,
      companyIds: [s.exhibitorCompanyId, s.buyerCompanyId],
      ...delivery,
    };
  }

  private async load(manager: EntityManager, id: string): Promise<SampleDetail> {
    const [row] = await manager.query<SampleRow[]>(`${SELECT_SAMPLE} WHERE s.id = $1`, [id]);
    if (!row) throw DomainError.notFound();
    const items = await manager.query<
      { product_id: string | null; product_name: string | null; description: string; quantity: number }[]
    >(
      `SELECT i.product_id, coalesce(p.name_en, p.name_vi) AS product_name, i.description, i.quantity
         FROM sample_items i LEFT JOIN products p ON p.id = i.product_id
        WHERE i.sample_id = $1 ORDER BY i.position`,
      [id],
    );
    return {
      ...toSummary(row),
      requestedBy: row.requested_by,
      requestedByCompanyId: row.requested_by_company_id,
      courier: row.courier,
      trackingNumber: row.tracking_number,
      notes: row.notes,
      rejectReason: row.reject_reason,
      items: items.map((i) => ({
        productId: i.product_id,
        productName: i.product_name,
        description: i.description,
        quantity: i.quantity,
      })),
    };
  }
}

function requireViewer(auth: AuthUser, s: SampleSummary): void {
  if (ORGANIZER_ROLES.has(auth.role)) return;
  if (auth.companyId && (auth.companyId === s.exhibitorCompanyId || auth.companyId === s.buyerCompanyId))
    return;
  throw DomainError.notFound();
}

function toSummary(r: SampleRow): SampleSummary {
  return {
    id: r.id,
    fairId: r.fair_id,
    meetingId: r.meeting_id,
    exhibitorCompanyId: r.exhibitor_company_id,
    exhibitorName: r.exhibitor_name,
    buyerCompanyId: r.buyer_company_id,
    buyerName: r.buyer_name,
    status: r.status,
    cost: r.cost,
    currency: r.currency,
    itemCount: r.item_count,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
