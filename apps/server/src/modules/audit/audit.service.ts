import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntry, Page } from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { pageOf, pageParams } from '../../common/pagination';
import type { ListAuditDto } from './dto/list-audit.dto';

export interface AuditRecord {
  actorId: string | null;
  /** dotted verb, e.g. `product.unpublish`, `company.suspend`, `booth.approve` */
  action: string;
  entityType: string;
  entityId: string;
  companyId?: string | null;
  reason?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The audit log. Write inside the transaction of the change, so the two stand or fall together. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await this.recordMany(manager, [entry]);
  }

  /** Many entries in one multi-row INSERT inside the caller's transaction. */
  async recordMany(manager: EntityManager, entries: AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const insert = this.insert(entries, 1);
    await manager.query(insert.sql, insert.params);
  }

  /**
   * The multi-row INSERT of `recordMany` with its parameters numbered from `first`, for a statement
   * that chains it to a change (`from`: a relation listed before the rows, e.g. \`changed, \`, so that
   * nothing is written when the change wrote nothing).
   */
  insert(entries: AuditRecord[], first: number, from = ''): { sql: string; params: unknown[] } {
    const $ = (i: number) => `$${first + i}`;
    const json = (v: Record<string, unknown> | null | undefined) => (v ? JSON.stringify(v) : null);
    return {
      sql: `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, company_id, reason, before, after, created_at)
       SELECT a, ac, et, ei, co, re, bf, af, ${$(8)}
         FROM ${from}unnest(${$(0)}::uuid[], ${$(1)}::varchar[], ${$(2)}::varchar[], ${$(3)}::uuid[], ${$(4)}::uuid[],
                     ${$(5)}::text[], ${$(6)}::jsonb[], ${$(7)}::jsonb[]) AS x(a, ac, et, ei, co, re, bf, af)`,
      params: [
        entries.map((e) => e.actorId),
        entries.map((e) => e.action),
        entries.map((e) => e.entityType),
        entries.map((e) => e.entityId),
        entries.map((e) => e.companyId ?? null),
        entries.map((e) => e.reason ?? null),
        entries.map((e) => json(e.before)),
        entries.map((e) => json(e.after)),
        this.clock.now(),
      ],
    };
  }

  async list(query: ListAuditDto): Promise<Page<AuditEntry>> {
    const params = pageParams(query);
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (query.entityType) add('a.entity_type = ?', query.entityType);
    if (query.entityId) add('a.entity_id = ?', query.entityId);
    if (query.companyId) add('a.company_id = ?', query.companyId);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM audit_log a ${filter}`,
      values,
    );
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT a.id::text AS id, a.actor_id, u.full_name AS actor_name, u.email AS actor_email, a.action,
              a.entity_type, a.entity_id, a.company_id, a.reason, a.before, a.after, a.created_at
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ${filter}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, params.pageSize, (params.page - 1) * params.pageSize],
    );
    return pageOf(rows.map(toEntry), total, params);
  }
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

function toEntry(r: AuditRow): AuditEntry {
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
