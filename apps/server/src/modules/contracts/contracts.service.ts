import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  FieldErrorCode,
  fitsNumeric,
  lineTotal,
  MONEY_LIMITS,
  sumDecimals,
  minorUnits,
  toUsd,
  type AuditEntry,
  type ContractDetail,
  type ContractKind,
  type ContractLine,
  type ContractPaymentTerm,
  type ContractStatus,
  type ContractSummary,
  type Incoterm,
  type Page,
  type StoredMimeType,
} from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { ORGANIZER_ROLES, partyPage } from '../../common/party-list';
import { DomainError } from '../../common/domain-error';
import { pageOf, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { AuditService } from '../audit';
import { FilesService, sniffMime, type FileContent } from '../files';
import type { DealMailKind } from '../mail';
import { FxRatesService } from '../fx-rates';
import {
  DealEventsService,
  NO_DELIVERY,
  type DealDelivery,
  type PendingDealEvent,
} from './deal-events.service';
import type {
  CancelContractDto,
  ContractLineDto,
  CreateContractDto,
  DisputeContractDto,
  ListContractsDto,
  RevalueContractDto,
  UpdateContractDto,
} from './dto/contract.dto';

interface ContractRow {
  id: string;
  fair_id: string;
  meeting_id: string | null;
  exhibitor_company_id: string;
  exhibitor_name: string;
  buyer_company_id: string;
  buyer_name: string;
  number: string;
  signed_on: string;
  kind: ContractKind;
  currency: string;
  incoterm: Incoterm;
  incoterm_place: string;
  payment_terms: ContractPaymentTerm;
  deposit_percent: string | null;
  notes: string | null;
  attachment_file_id: string | null;
  status: ContractStatus;
  declared_by_company_id: string;
  dispute_reason: string | null;
  cancel_reason: string | null;
  total: string;
  fx_rate: string;
  fx_date: string;
  total_usd: string;
  created_at: Date;
  updated_at: Date;
  confirmed_at: Date | null;
}

/** Every money and date column as text, so no value ever passes through a JS number or Date. */
const SELECT_CONTRACT = `
  SELECT c.id, c.fair_id, c.meeting_id, c.exhibitor_company_id, ec.name AS exhibitor_name,
         c.buyer_company_id, bc.name AS buyer_name, c.number, c.signed_on::text AS signed_on, c.kind,
         c.currency, c.incoterm, c.incoterm_place, c.payment_terms, c.deposit_percent::text AS deposit_percent,
         c.notes, c.attachment_file_id, c.status, c.declared_by_company_id, c.dispute_reason, c.cancel_reason,
         c.total::text AS total, c.fx_rate::text AS fx_rate, c.fx_date::text AS fx_date,
         c.total_usd::text AS total_usd, c.created_at, c.updated_at, c.confirmed_at
    FROM contracts c
    JOIN companies ec ON ec.id = c.exhibitor_company_id
    JOIN companies bc ON bc.id = c.buyer_company_id`;

/** What a contract's attachment may be: a signed copy as PDF or a photo/scan. */
const ATTACHMENT_MIME_TYPES: readonly StoredMimeType[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** The audited facts of a contract: what `before` and `after` compare. */
type Snapshot = Record<string, unknown>;

interface ComputedLines {
  lines: (ContractLineDto & { lineTotal: string })[];
  total: string;
}

/**
 * Contracts and LOIs between an exhibitor and a buyer. One party declares, the other confirms or disputes;
 * totals are computed here with exact decimals (client totals are never read); every change is audited in
 * its own transaction and pushed to both companies and the organizers.
 */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly fx: FxRatesService,
    private readonly events: DealEventsService,
    private readonly files: FilesService,
  ) {}

  async create(auth: AuthUser, fairId: string, dto: CreateContractDto): Promise<ContractDetail> {
    const { result, event } = await this.dataSource.transaction(async (manager) => {
      const own = await this.ownCompany(manager, auth);
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
      if (dto.meetingId) await this.checkMeeting(manager, dto.meetingId, fairId, exhibitorId, buyerId);
      await this.checkProducts(manager, dto.lines, exhibitorId);
      if (dto.attachmentFileId) await this.checkAttachment(manager, dto.attachmentFileId, own.id);
      const deposit = this.deposit(dto.paymentTerms, dto.depositPercent);
      const computed = this.computeLines(dto.lines, dto.currency);
      const rate = await this.fx.rateOn(manager, dto.currency, dto.signedOn);
      const totalUsd = this.usd(computed.total, rate.rate);
      const now = this.clock.now();
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO contracts (fair_id, meeting_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind,
                                currency, incoterm, incoterm_place, payment_terms, deposit_percent, notes,
                                attachment_file_id, status, declared_by_company_id, declared_by, total, fx_rate,
                                fx_date, total_usd, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'declared', $15, $16, $17, $18, $19,
                 $20, $21, $21)
         RETURNING id`,
        [
          fairId,
          dto.meetingId ?? null,
          exhibitorId,
          buyerId,
          dto.number,
          dto.signedOn,
          dto.kind,
          dto.currency,
          dto.incoterm,
          dto.incotermPlace,
          dto.paymentTerms,
          deposit,
          dto.notes || null,
          dto.attachmentFileId ?? null,
          own.id,
          auth.id,
          computed.total,
          rate.rate,
          rate.date,
          totalUsd,
          now,
        ],
      );
      await this.insertLines(manager, row.id, computed);
      const result = await this.load(manager, row.id);
      const after = snapshotOf(result);
      await this.audit.record(manager, {
        actorId: auth.id,
        action: 'contract.declare',
        entityType: 'contract',
        entityId: row.id,
        companyId: own.id,
        before: null,
        after,
      });
      const notifications = await this.events.notify(manager, {
        fairId,
        actorCompanyId: own.id,
        recipientCompanyId: dto.counterpartCompanyId,
        type: 'contract.declared',
        mail: 'contract.declared',
        data: { contractId: row.id, number: dto.number, total: computed.total, currency: dto.currency },
      });
      return { result, event: this.event(result, notifications) };
    });
    await this.events.flush(event);
    return result;
  }

  async list(auth: AuthUser, query: ListContractsDto): Promise<Page<ContractSummary>> {
    const params = pageParams(query);
    const { rows, total } = await partyPage<ContractRow>(this.dataSource, auth, {
      table: 'contracts',
      alias: 'c',
      select: SELECT_CONTRACT,
      equals: { fair_id: query.fairId, status: query.status },
      params,
    });
    return pageOf(rows.map(toSummary), total, params);
  }

  async get(auth: AuthUser, id: string): Promise<ContractDetail> {
    const detail = await this.load(this.dataSource.manager, id);
    this.requireViewer(auth, detail);
    return detail;
  }

  async auditTrail(auth: AuthUser, id: string): Promise<AuditEntry[]> {
    const detail = await this.load(this.dataSource.manager, id);
    this.requireViewer(auth, detail);
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT a.id::text AS id, a.actor_id, u.full_name AS actor_name, u.email AS actor_email, a.action,
              a.entity_type, a.entity_id, a.company_id, a.reason, a.before, a.after, a.created_at
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.entity_type = 'contract' AND a.entity_id = $1
        ORDER BY a.created_at, a.id`,
      [id],
    );
    return rows.map(toAuditEntry);
  }

  /** The declaring party changes facts; any change returns the contract to declared, awaiting the other side. */
  async update(auth: AuthUser, id: string, dto: UpdateContractDto): Promise<ContractDetail> {
    const done = await this.dataSource
      .transaction((manager) => this.applyUpdate(manager, auth, id, dto))
      .catch((e: unknown) => {
        if (e instanceof NothingChanged) return null;
        throw e;
      });
    if (!done) return this.get(auth, id);
    await this.events.flush(done.event);
    return done.result;
  }

  /**
   * The declaring party attaches the signed copy (PDF, JPEG or PNG, judged by its bytes, at most
   * FILE_MAX_BYTES), or replaces it. A change like any other: audited, and a confirmed or disputed
   * contract goes back to declared for the other side to confirm again. The replaced file stays
   * stored: the audit trail refers to it.
   */
  async uploadAttachment(auth: AuthUser, id: string, request: FastifyRequest): Promise<ContractDetail> {
    // who may, before the body is read; again under the row lock
    await this.dataSource.transaction(async (manager) =>
      this.requireDeclarer(auth, await this.lock(manager, auth, id)),
    );
    const upload = await this.files.readUpload(request);
    const mime = sniffMime(upload.buffer);
    if (!mime || !ATTACHMENT_MIME_TYPES.includes(mime))
      throw new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE, 415, {
        details: { accepted: ATTACHMENT_MIME_TYPES },
      });
    const done = await this.dataSource.transaction(async (manager) => {
      this.requireDeclarer(auth, await this.lock(manager, auth, id));
      const file = await this.files.store(manager, {
        companyId: auth.companyId,
        purpose: 'document',
        buffer: upload.buffer,
        createdBy: auth.id,
      });
      return this.applyUpdate(manager, auth, id, { attachmentFileId: file.id });
    });
    await this.events.flush(done.event);
    return done.result;
  }

  /** The declaring party takes the attachment off; audited and re-confirmed like any change. */
  async removeAttachment(auth: AuthUser, id: string): Promise<ContractDetail> {
    const done = await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, auth, id);
      this.requireDeclarer(auth, current);
      if (!current.attachment_file_id) throw DomainError.notFound();
      return this.applyUpdate(manager, auth, id, { attachmentFileId: null });
    });
    await this.events.flush(done.event);
    return done.result;
  }

  /** The attachment's bytes, for both parties and the organizers; strangers get 404. */
  async attachment(auth: AuthUser, id: string): Promise<FileContent> {
    const detail = await this.load(this.dataSource.manager, id);
    this.requireViewer(auth, detail);
    if (!detail.attachmentFileId) throw DomainError.notFound();
    return this.files.documentContent(detail.attachmentFileId);
  }

  private requireDeclarer(auth: AuthUser, current: ContractRow): void {
    if (current.declared_by_company_id !== auth.companyId || current.status === 'cancelled')
      throw DomainError.conflict(ErrorCode.INVALID_CONTRACT_TRANSITION);
  }

  /** The body of an update, inside the caller's transaction. Throws NothingChanged when nothing differs. */
  private async applyUpdate(
    manager: EntityManager,
    auth: AuthUser,
    id: string,
    dto: UpdateContractDto,
  ): Promise<{ result: ContractDetail; event: PendingDealEvent }> {
    const current = await this.lock(manager, auth, id);
    this.requireDeclarer(auth, current);
    for (const field of [
      'number',
      'signedOn',
      'kind',
      'currency',
      'incoterm',
      'incotermPlace',
      'paymentTerms',
      'lines',
    ] as const) {
      if (dto[field] === null) throw DomainError.validation({ [field]: FieldErrorCode.REQUIRED });
    }
    const before = await this.snapshot(manager, id);
    const currency = dto.currency ?? current.currency;
    const signedOn = dto.signedOn ?? current.signed_on;
    const paymentTerms = dto.paymentTerms ?? current.payment_terms;
    const deposit = this.deposit(
      paymentTerms,
      dto.depositPercent !== undefined
        ? dto.depositPercent
        : paymentTerms === 'tt'
          ? current.deposit_percent
          : null,
    );
    if (dto.meetingId)
      await this.checkMeeting(
        manager,
        dto.meetingId,
        current.fair_id,
        current.exhibitor_company_id,
        current.buyer_company_id,
      );
    if (dto.attachmentFileId) await this.checkAttachment(manager, dto.attachmentFileId, auth.companyId!);
    const lineInput: ContractLineDto[] =
      dto.lines ??
      (await manager.query<ContractLineDto[]>(
        `SELECT product_id AS "productId", description, quantity::text AS quantity, unit,
              unit_price::text AS "unitPrice"
         FROM contract_lines WHERE contract_id = $1 ORDER BY position`,
        [id],
      ));
    if (dto.lines) await this.checkProducts(manager, dto.lines, current.exhibitor_company_id);
    const computed = this.computeLines(lineInput, currency);
    // a new currency or signing date takes the rate of that date; otherwise the stored rate stays
    const rate =
      currency !== current.currency || signedOn !== current.signed_on
        ? await this.fx.rateOn(manager, currency, signedOn)
        : { rate: current.fx_rate, date: current.fx_date };
    const totalUsd = this.usd(computed.total, rate.rate);
    await manager.query(
      `UPDATE contracts SET meeting_id = $2, number = $3, signed_on = $4, kind = $5, currency = $6, incoterm = $7,
            incoterm_place = $8, payment_terms = $9, deposit_percent = $10, notes = $11, attachment_file_id = $12,
            total = $13, fx_rate = $14, fx_date = $15, total_usd = $16, updated_at = $17
      WHERE id = $1`,
      [
        id,
        dto.meetingId !== undefined ? dto.meetingId : current.meeting_id,
        dto.number ?? current.number,
        signedOn,
        dto.kind ?? current.kind,
        currency,
        dto.incoterm ?? current.incoterm,
        dto.incotermPlace ?? current.incoterm_place,
        paymentTerms,
        deposit,
        dto.notes !== undefined ? dto.notes || null : current.notes,
        dto.attachmentFileId !== undefined ? dto.attachmentFileId : current.attachment_file_id,
        computed.total,
        rate.rate,
        rate.date,
        totalUsd,
        this.clock.now(),
      ],
    );
    await manager.query(`DELETE FROM contract_lines WHERE contract_id = $1`, [id]);
    await this.insertLines(manager, id, computed);
    // nothing changed: NothingChanged rolls the rewrite back, and no audit row is written
    diff(before, await this.snapshot(manager, id));
    await manager.query(
      `UPDATE contracts SET status = 'declared', confirmed_at = NULL, dispute_reason = NULL WHERE id = $1`,
      [id],
    );
    const after = await this.snapshot(manager, id);
    const final = diff(before, after);
    await this.audit.record(manager, {
      actorId: auth.id,
      action: 'contract.update',
      entityType: 'contract',
      entityId: id,
      companyId: auth.companyId,
      before: final.before,
      after: final.after,
    });
    const result = await this.load(manager, id);
    const notifications = await this.events.notify(manager, {
      fairId: result.fairId,
      actorCompanyId: auth.companyId!,
      recipientCompanyId: otherParty(result, auth.companyId!),
      type: 'contract.declared',
      mail: 'contract.changed',
      data: { contractId: id, number: result.number, total: result.total, currency: result.currency },
    });
    return { result, event: this.event(result, notifications) };
  }

  /** The other party agrees (also after having disputed it). */
  confirm(auth: AuthUser, id: string): Promise<ContractDetail> {
    return this.transition(auth, id, {
      action: 'contract.confirm',
      from: ['declared', 'disputed'],
      to: 'confirmed',
      side: 'other',
      notify: 'contract.confirmed',
      mail: 'contract.confirmed',
    });
  }

  dispute(auth: AuthUser, id: string, dto: DisputeContractDto): Promise<ContractDetail> {
    return this.transition(auth, id, {
      action: 'contract.dispute',
      from: ['declared', 'confirmed'],
      to: 'disputed',
      side: 'other',
      notify: 'contract.disputed',
      mail: 'contract.disputed',
      reason: dto.reason,
    });
  }

  /** Either party; the record stays, with its audit trail. */
  cancel(auth: AuthUser, id: string, dto: CancelContractDto): Promise<ContractDetail> {
    return this.transition(auth, id, {
      action: 'contract.cancel',
      from: ['declared', 'confirmed', 'disputed'],
      to: 'cancelled',
      side: 'either',
      mail: 'contract.cancelled',
      reason: dto.reason || null,
    });
  }

  /** Organizer: apply the rate of a date (the signing date by default). History stays in the audit. */
  async revalue(auth: AuthUser, id: string, dto: RevalueContractDto): Promise<ContractDetail> {
    const { result, event } = await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, auth, id);
      if (current.status === 'cancelled') throw DomainError.conflict(ErrorCode.INVALID_CONTRACT_TRANSITION);
      const rate = await this.fx.rateOn(manager, current.currency, dto.fxDate ?? current.signed_on);
      const totalUsd = this.usd(current.total, rate.rate);
      await manager.query(
        `UPDATE contracts SET fx_rate = $2, fx_date = $3, total_usd = $4, updated_at = $5 WHERE id = $1`,
        [id, rate.rate, rate.date, totalUsd, this.clock.now()],
      );
      const after = await this.load(manager, id);
      await this.audit.record(manager, {
        actorId: auth.id,
        action: 'contract.revalue',
        entityType: 'contract',
        entityId: id,
        companyId: null,
        reason: dto.reason || null,
        before: { fxRate: current.fx_rate, fxDate: current.fx_date, totalUsd: current.total_usd },
        after: { fxRate: after.fxRate, fxDate: after.fxDate, totalUsd: after.totalUsd },
      });
      return { result: after, event: this.event(after, NO_DELIVERY) };
    });
    await this.events.flush(event);
    return result;
  }

  // ---- helpers

  private async transition(
    auth: AuthUser,
    id: string,
    t: {
      action: string;
      from: ContractStatus[];
      to: ContractStatus;
      side: 'other' | 'either';
      notify?: 'contract.confirmed' | 'contract.disputed';
      mail: DealMailKind;
      reason?: string | null;
    },
  ): Promise<ContractDetail> {
    const { result, event } = await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, auth, id);
      const own = auth.companyId;
      const isParty = own === current.exhibitor_company_id || own === current.buyer_company_id;
      if (!isParty) throw DomainError.forbidden();
      if (t.side === 'other' && own === current.declared_by_company_id)
        throw DomainError.conflict(ErrorCode.INVALID_CONTRACT_TRANSITION);
      if (!t.from.includes(current.status)) throw DomainError.conflict(ErrorCode.INVALID_CONTRACT_TRANSITION);
      const now = this.clock.now();
      await manager.query(
        `UPDATE contracts SET status = $2::text, updated_at = $3,
                confirmed_at = CASE WHEN $2::text = 'confirmed' THEN $3::timestamptz ELSE confirmed_at END,
                dispute_reason = CASE WHEN $2::text = 'disputed' THEN $4::text ELSE dispute_reason END,
                cancel_reason = CASE WHEN $2::text = 'cancelled' THEN $4::text ELSE cancel_reason END
          WHERE id = $1`,
        [id, t.to, now, t.reason ?? null],
      );
      const result = await this.load(manager, id);
      await this.audit.record(manager, {
        actorId: auth.id,
        action: t.action,
        entityType: 'contract',
        entityId: id,
        companyId: own,
        reason: t.reason ?? null,
        before: { status: current.status },
        after: {
          status: t.to,
          ...(t.to === 'confirmed' ? { confirmedAt: result.confirmedAt } : {}),
          ...(t.to === 'disputed' ? { disputeReason: t.reason } : {}),
          ...(t.to === 'cancelled' ? { cancelReason: t.reason ?? null } : {}),
        },
      });
      const notifications = await this.events.notify(manager, {
        fairId: result.fairId,
        actorCompanyId: own!,
        recipientCompanyId: otherParty(result, own!),
        type: t.notify,
        mail: t.mail,
        data: { contractId: id, number: result.number, reason: t.reason ?? '' },
      });
      return { result, event: this.event(result, notifications) };
    });
    await this.events.flush(event);
    return result;
  }

  private event(c: ContractDetail, delivery: DealDelivery): PendingDealEvent {
    return {
      kind: 'contract',
      id: c.id,
      fairId: c.fairId,
      status: c.status,
      companyIds: [c.exhibitorCompanyId, c.buyerCompanyId],
      ...delivery,
    };
  }

  private async ownCompany(manager: EntityManager, auth: AuthUser): Promise<{ id: string; kind: string }> {
    if (!auth.companyId) throw DomainError.forbidden();
    const [company] = await manager.query<{ id: string; kind: string; status: string }[]>(
      `SELECT id, kind, status FROM companies WHERE id = $1`,
      [auth.companyId],
    );
    if (!company) throw DomainError.forbidden();
    if (company.status !== 'approved') throw new DomainError(ErrorCode.COMPANY_NOT_APPROVED, 403);
    return company;
  }

  /** Locks the row; strangers get 404 as if it did not exist, organizers pass (revalue). */
  private async lock(manager: EntityManager, auth: AuthUser, id: string): Promise<ContractRow> {
    const [row] = await manager.query<ContractRow[]>(`${SELECT_CONTRACT} WHERE c.id = $1 FOR UPDATE OF c`, [
      id,
    ]);
    if (!row) throw DomainError.notFound();
    const organizer = ORGANIZER_ROLES.has(auth.role);
    const party = auth.companyId === row.exhibitor_company_id || auth.companyId === row.buyer_company_id;
    if (!organizer && !party) throw DomainError.notFound();
    if (!party && auth.role !== 'organizer') throw DomainError.forbidden();
    if (party) {
      const [company] = await manager.query<{ status: string }[]>(
        `SELECT status FROM companies WHERE id = $1`,
        [auth.companyId],
      );
      if (company?.status !== 'approved') throw new DomainError(ErrorCode.COMPANY_NOT_APPROVED, 403);
    }
    return row;
  }

  private requireViewer(auth: AuthUser, c: ContractSummary): void {
    if (ORGANIZER_ROLES.has(auth.role)) return;
    if (auth.companyId && (auth.companyId === c.exhibitorCompanyId || auth.companyId === c.buyerCompanyId))
      return;
    throw DomainError.notFound();
  }

  private async checkMeeting(
    manager: EntityManager,
    meetingId: string,
    fairId: string,
    exhibitorId: string,
    buyerId: string,
  ): Promise<void> {
    const [meeting] = await manager.query<{ id: string }[]>(
      `SELECT id FROM meetings
        WHERE id = $1 AND fair_id = $2 AND exhibitor_company_id = $3 AND buyer_company_id = $4 AND status = 'held'`,
      [meetingId, fairId, exhibitorId, buyerId],
    );
    if (!meeting) throw DomainError.validation({ meetingId: FieldErrorCode.MEETING_NOT_HELD });
  }

  private async checkProducts(
    manager: EntityManager,
    lines: ContractLineDto[],
    exhibitorId: string,
  ): Promise<void> {
    const ids = [...new Set(lines.map((l) => l.productId).filter((p): p is string => !!p))];
    if (ids.length === 0) return;
    const found = await manager.query<{ id: string }[]>(
      `SELECT id FROM products WHERE id = ANY($1::uuid[]) AND company_id = $2`,
      [ids, exhibitorId],
    );
    const ok = new Set(found.map((r) => r.id));
    const fields: Record<string, FieldErrorCode> = {};
    lines.forEach((l, i) => {
      if (l.productId && !ok.has(l.productId))
        fields[`lines.${i}.productId`] = FieldErrorCode.PRODUCT_NOT_ELIGIBLE;
    });
    if (Object.keys(fields).length) throw DomainError.validation(fields);
  }

  private async checkAttachment(manager: EntityManager, fileId: string, companyId: string): Promise<void> {
    const [file] = await manager.query<{ id: string }[]>(
      `SELECT id FROM files WHERE id = $1 AND company_id = $2 AND purpose = 'document'`,
      [fileId, companyId],
    );
    if (!file) throw DomainError.validation({ attachmentFileId: FieldErrorCode.INVALID_VALUE });
  }

  private deposit(
    paymentTerms: ContractPaymentTerm,
    depositPercent: string | null | undefined,
  ): string | null {
    if (depositPercent === undefined || depositPercent === null) return null;
    if (paymentTerms !== 'tt') throw DomainError.validation({ depositPercent: FieldErrorCode.INVALID_VALUE });
    return depositPercent;
  }

  /** Line totals and the contract total with money.ts; amounts too large for their columns are refused. */
  private computeLines(lines: ContractLineDto[], currency: string): ComputedLines {
    const fields: Record<string, FieldErrorCode> = {};
    const out = lines.map((l, i) => {
      const total = lineTotal(l.quantity, l.unitPrice, currency);
      if (!fitsNumeric(total, MONEY_LIMITS.lineTotal.precision, MONEY_LIMITS.lineTotal.scale))
        fields[`lines.${i}.unitPrice`] = FieldErrorCode.AMOUNT_TOO_LARGE;
      return { ...l, lineTotal: total };
    });
    if (Object.keys(fields).length) throw DomainError.validation(fields);
    const total = sumDecimals(
      out.map((l) => l.lineTotal),
      minorUnits(currency),
    );
    if (!fitsNumeric(total, MONEY_LIMITS.total.precision, MONEY_LIMITS.total.scale))
      throw DomainError.validation({ lines: FieldErrorCode.AMOUNT_TOO_LARGE });
    return { lines: out, total };
  }

  private usd(total: string, rate: string): string {
    const usd = toUsd(total, rate);
    if (!fitsNumeric(usd, MONEY_LIMITS.totalUsd.precision, MONEY_LIMITS.totalUsd.scale))
      throw DomainError.validation({ lines: FieldErrorCode.AMOUNT_TOO_LARGE });
    return usd;
  }

  private async insertLines(
    manager: EntityManager,
    contractId: string,
    computed: ComputedLines,
  ): Promise<void> {
    const l = computed.lines;
    await manager.query(
      `INSERT INTO contract_lines (contract_id, position, product_id, description, quantity, unit, unit_price, line_total)
       SELECT $1, p, product_id, description, quantity, unit, unit_price, line_total
         FROM unnest($2::uuid[], $3::text[], $4::numeric[], $5::text[], $6::numeric[], $7::numeric[])
              WITH ORDINALITY AS u(product_id, description, quantity, unit, unit_price, line_total, p)`,
      [
        contractId,
        l.map((x) => x.productId ?? null),
        l.map((x) => x.description),
        l.map((x) => x.quantity),
        l.map((x) => x.unit),
        l.map((x) => x.unitPrice),
        l.map((x) => x.lineTotal),
      ],
    );
  }

  private async load(manager: EntityManager, id: string): Promise<ContractDetail> {
    const [row] = await manager.query<ContractRow[]>(`${SELECT_CONTRACT} WHERE c.id = $1`, [id]);
    if (!row) throw DomainError.notFound();
    const lines = await manager.query<LineRow[]>(
      `SELECT position, product_id, description, quantity::text AS quantity, unit, unit_price::text AS unit_price,
              line_total::text AS line_total
         FROM contract_lines WHERE contract_id = $1 ORDER BY position`,
      [id],
    );
    const digits = minorUnits(row.currency);
    return {
      ...toSummary(row),
      incoterm: row.incoterm,
      incotermPlace: row.incoterm_place,
      paymentTerms: row.payment_terms,
      depositPercent: row.deposit_percent,
      notes: row.notes,
      attachmentFileId: row.attachment_file_id,
      disputeReason: row.dispute_reason,
      cancelReason: row.cancel_reason,
      lines: lines.map((l): ContractLine => ({
        position: l.position,
        productId: l.product_id,
        description: l.description,
        quantity: trimScale(l.quantity),
        unit: l.unit,
        unitPrice: trimScale(l.unit_price),
        lineTotal: atScale(l.line_total, digits),
      })),
    };
  }

  private async snapshot(manager: EntityManager, id: string): Promise<Snapshot> {
    return snapshotOf(await this.load(manager, id));
  }
}

function snapshotOf(c: ContractDetail): Snapshot {
  return {
    meetingId: c.meetingId,
    number: c.number,
    signedOn: c.signedOn,
    kind: c.kind,
    currency: c.currency,
    incoterm: c.incoterm,
    incotermPlace: c.incotermPlace,
    paymentTerms: c.paymentTerms,
    depositPercent: c.depositPercent,
    notes: c.notes,
    attachmentFileId: c.attachmentFileId,
    status: c.status,
    total: c.total,
    fxRate: c.fxRate,
    fxDate: c.fxDate,
    totalUsd: c.totalUsd,
    lines: c.lines,
  };
}

class NothingChanged extends Error {}

/** Only the fields that differ; throws NothingChanged when none does. */
function diff(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  if (Object.keys(a).length === 0) throw new NothingChanged();
  return { before: b, after: a };
}

function otherParty(c: ContractSummary, companyId: string): string {
  return companyId === c.exhibitorCompanyId ? c.buyerCompanyId : c.exhibitorCompanyId;
}

/** "1200.0000" → "1200", "4.1250" → "4.125": quantities and unit prices as entered, without float. */
function trimScale(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** A numeric(24,4) text cut to the currency's minor unit; exact because totals are already rounded. */
function atScale(value: string, digits: number): string {
  const [int, frac = ''] = value.split('.');
  return digits === 0 ? int : `${int}.${frac.padEnd(digits, '0').slice(0, digits)}`;
}

interface LineRow {
  position: number;
  product_id: string | null;
  description: string;
  quantity: string;
  unit: string;
  unit_price: string;
  line_total: string;
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  company_id: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
}

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorEmail: r.actor_email,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    companyId: r.company_id,
    reason: r.reason,
    before: r.before,
    after: r.after,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

function toSummary(r: ContractRow): ContractSummary {
  const digits = minorUnits(r.currency);
  return {
    id: r.id,
    fairId: r.fair_id,
    meetingId: r.meeting_id,
    exhibitorCompanyId: r.exhibitor_company_id,
    exhibitorName: r.exhibitor_name,
    buyerCompanyId: r.buyer_company_id,
    buyerName: r.buyer_name,
    number: r.number,
    signedOn: r.signed_on,
    kind: r.kind,
    currency: r.currency,
    status: r.status,
    declaredByCompanyId: r.declared_by_company_id,
    total: atScale(r.total, digits),
    fxRate: r.fx_rate,
    fxDate: r.fx_date,
    totalUsd: r.total_usd,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
  };
}
