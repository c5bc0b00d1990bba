import type { DataSource } from 'typeorm';
import { DomainError } from './domain-error';
import type { PageParams } from './pagination';
import type { AuthUser } from './request-context';

/** The organizer's team reads every company's deals; everyone else only their own company's. */
export const ORGANIZER_ROLES: ReadonlySet<string> = new Set(['organizer', 'organizer_staff']);

/**
 * One page of rows that belong to two companies (an exhibitor and a buyer), newest first: the
 * organizer's team sees all of them, a company member only those where their company is a party.
 * `select` is `SELECT … FROM <table> <alias> [JOIN …]` ending where a WHERE clause may follow.
 */
export async function partyPage<Row>(
  dataSource: DataSource,
  auth: AuthUser,
  input: {
    table: string;
    alias: string;
    select: string;
    /** column → value; undefined values are left out */
    equals: Record<string, unknown>;
    params: PageParams;
  },
): Promise<{ rows: Row[]; total: number }> {
  const { alias } = input;
  const where: string[] = [];
  const values: unknown[] = [];
  if (!ORGANIZER_ROLES.has(auth.role)) {
    if (!auth.companyId) throw DomainError.forbidden();
    values.push(auth.companyId);
    where.push(`(${alias}.exhibitor_company_id = $1 OR ${alias}.buyer_company_id = $1)`);
  }
  for (const [column, value] of Object.entries(input.equals)) {
    if (value === undefined) continue;
    values.push(value);
    where.push(`${alias}.${column} = $${values.length}`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await dataSource.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM ${input.table} ${alias} ${filter}`,
    values,
  );
  const rows = await dataSource.query<Row[]>(
    `${input.select} ${filter} ORDER BY ${alias}.created_at DESC, ${alias}.id
     LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
    [...values, input.params.pageSize, (input.params.page - 1) * input.params.pageSize],
  );
  return { rows, total };
}
