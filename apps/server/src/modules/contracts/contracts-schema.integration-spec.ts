import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/database';
import { Contracts1764600000000 } from '../../database/migrations/1764600000000-Contracts';

/** The migration's constraints hold on their own, and its down and up run cleanly. */
describe('Contracts migration', () => {
  let db: TestDatabase;
  let pg: Client;
  let base: Record<string, unknown>;

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const [fair] = (
      await pg.query(
        `INSERT INTO fairs (slug, name_vi, name_en, venue) VALUES ($1, 'Hội chợ', 'Fair', 'SECC') RETURNING id`,
        [`f-${randomUUID()}`],
      )
    ).rows;
    const companies = (
      await pg.query(
        `INSERT INTO companies (kind, name, status) VALUES ('exhibitor', 'E', 'approved'), ('buyer', 'B', 'approved') RETURNING id`,
      )
    ).rows;
    base = {
      fair_id: fair.id,
      exhibitor_company_id: companies[0].id,
      buyer_company_id: companies[1].id,
      declared_by_company_id: companies[1].id,
      signed_on: '2026-12-03',
      kind: 'contract',
      currency: 'VND',
      incoterm: 'FOB',
      incoterm_place: 'Hai Phong',
      payment_terms: 'tt',
      deposit_percent: '30.00',
      total: '1000000',
      fx_rate: '0.00003937',
      fx_date: '2026-12-01',
      total_usd: '39.37',
    };
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  const insert = (over: Record<string, unknown>) => {
    const row = { ...base, number: `HD-${randomUUID()}`, ...over };
    const cols = Object.keys(row);
    return pg.query(
      `INSERT INTO contracts (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(row),
    );
  };
  const violation = async (over: Record<string, unknown>) => {
    const error = await insert(over).then(
      () => null,
      (e: { code: string }) => e,
    );
    return error?.code;
  };

  it('stores a valid contract exactly', async () => {
    const { rows } = await insert({ total: '12345678901234567890.0000' });
    const [back] = (await pg.query(`SELECT total::text FROM contracts WHERE id = $1`, [rows[0].id])).rows;
    expect(back.total).toBe('12345678901234567890.0000');
  });

  it.each([
    ['a deposit without T/T', { payment_terms: 'lc_sight' }],
    ['a negative total', { total: '-1' }],
    ['a negative USD value', { total_usd: '-0.01' }],
    ['a zero rate', { fx_rate: '0' }],
    ['a lower-case currency', { currency: 'vnd' }],
    ['an unknown payment term', { payment_terms: 'cash', deposit_percent: null }],
    ['a deposit over 100 %', { deposit_percent: '100.01' }],
    ['a dispute without a reason', { status: 'disputed' }],
    ['a confirmation without its time', { status: 'confirmed' }],
    ['a USD contract at a rate other than 1', { currency: 'USD', fx_rate: '1.1' }],
    ['no declaring company', { declared_by_company_id: null }],
  ])('refuses %s', async (_, over) => {
    expect(await violation(over)).toMatch(/^23/);
  });

  it('reverts and re-applies', async () => {
    const runner = {
      query: (sql: string, params?: unknown[]) => pg.query(sql, params),
    } as unknown as QueryRunner;
    const migration = new Contracts1764600000000();
    await migration.down(runner);
    expect((await pg.query(`SELECT to_regclass('contracts') AS t`)).rows[0].t).toBeNull();
    await migration.up(runner);
    expect((await pg.query(`SELECT to_regclass('contract_lines') AS t`)).rows[0].t).toBe('contract_lines');
  });
});
