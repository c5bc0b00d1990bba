import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { maskTaxCode } from '@craftmatch/shared';
import { createTestApp, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

/** Simple CSV (no quoted commas in these rows): header → values, one object per row. */
function csvRows(body: string): Record<string, string>[] {
  const [header, ...rows] = body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/**
 * A household business's tax code is its owner's 12-digit citizen ID: whole for its members and the
 * organizer, masked to the last 4 digits for everyone else (exports of the other party included).
 */
describe('household tax codes', () => {
  let t: TestApp;
  let organizer: TestUser;
  let household: TestUser;
  let firm: TestUser;
  let buyer: TestUser;
  const CITIZEN_ID = '001085123456';
  const FIRM_CODE = '0101234567';

  const get = (url: string, who?: TestUser) =>
    t.inject({
      method: 'GET',
      url: `/api${url}`,
      headers: { ...(who?.auth ?? {}), 'accept-language': 'en' },
    });

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, time_zone)
       VALUES ($1, 'Hội chợ', 'Fair', 'SECC', 'live', 'Asia/Ho_Chi_Minh') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    organizer = await f.organizer();
    household = await f.member('exhibitor', 'approved');
    firm = await f.member('exhibitor', 'approved');
    buyer = await f.member('buyer', 'approved');
    await t.dataSource.query(
      `INSERT INTO exhibitor_profiles (company_id, tax_code) VALUES ($1, $2), ($3, $4)`,
      [household.companyId, CITIZEN_ID, firm.companyId, FIRM_CODE],
    );
    let hour = 2;
    for (const ex of [household, firm]) {
      await t.dataSource.query(
        `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
           requester_company_id, status, time_range, expires_at)
         VALUES ($1, $2, $3, $4, $5, $2, 'accepted',
           tstzrange($6::timestamptz, $6::timestamptz + interval '30 minutes'), now() + interval '2 days')`,
        [fair.id, buyer.companyId, ex.companyId, buyer.id, ex.id, `2026-12-03T0${hour++}:00:00Z`],
      );
      await t.dataSource.query(
        `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency,
           incoterm, incoterm_place, payment_terms, declared_by_company_id, total, fx_rate, fx_date, total_usd)
         VALUES ($1, $2, $3, $4, '2026-12-03', 'contract', 'USD', 'FOB', 'Hai Phong', 'lc_sight', $3, 100, 1,
           '2026-12-01', 100)`,
        [fair.id, ex.companyId, buyer.companyId, `HD-${ex === household ? 'HH' : 'FIRM'}`],
      );
    }
  });
  afterAll(() => t.close());

  it('masks a 12-digit code to its last 4 digits and leaves company codes alone', () => {
    expect(maskTaxCode(CITIZEN_ID)).toBe('********3456');
    expect(maskTaxCode(FIRM_CODE)).toBe(FIRM_CODE);
    expect(maskTaxCode('0101234567001')).toBe('0101234567001');
    expect(maskTaxCode(null)).toBeNull();
  });

  it("shows the buyer only the last 4 digits of a household's code in its own exports", async () => {
    for (const dataset of ['contracts', 'meetings']) {
      const res = await get(`/exports/mine/${dataset}`, buyer);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(CITIZEN_ID);
      const codes = csvRows(res.body)
        .map((r) => r['Exhibitor tax code'])
        .sort();
      expect({ dataset, codes }).toEqual({ dataset, codes: ['********3456', FIRM_CODE].sort() });
    }
    const xlsx = await get('/exports/mine/contracts?format=xlsx', buyer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.worksheets[0].eachRow((row) => cells.push(...(row.values as unknown[])));
    expect(cells).toContain('********3456');
    expect(cells).not.toContain(CITIZEN_ID);
  });

  it('shows the household its own code whole, and the organizer every code whole', async () => {
    const own = csvRows((await get('/exports/mine/contracts', household)).body);
    expect(own.map((r) => r['Exhibitor tax code'])).toEqual([CITIZEN_ID]);
    const all = csvRows((await get('/exports/contracts', organizer)).body);
    expect(Object.fromEntries(all.map((r) => [r['Contract number'], r['Exhibitor tax code']]))).toEqual({
      'HD-HH': CITIZEN_ID,
      'HD-FIRM': FIRM_CODE,
    });
    const exhibitors = await get('/exports/exhibitors', organizer);
    expect(exhibitors.body).toContain(CITIZEN_ID);
  });

  it('keeps the code out of every view of other parties: profile refused, public pages without it', async () => {
    expect((await get(`/exhibitors/${household.companyId}/profile`, buyer)).statusCode).toBe(403);
    expect((await get(`/exhibitors/${household.companyId}/profile`, firm)).statusCode).toBe(403);
    const member = await get(`/exhibitors/${household.companyId}/profile`, household);
    expect(member.json().taxCode).toBe(CITIZEN_ID);
    const org = await get(`/exhibitors/${household.companyId}/profile`, organizer);
    expect(org.json().taxCode).toBe(CITIZEN_ID);

    for (const url of [`/catalogue/exhibitors/${household.companyId}`, '/catalogue/exhibitors']) {
      for (const who of [undefined, buyer, firm]) {
        const res = await get(url, who);
        expect([url, res.statusCode]).toEqual([url, 200]);
        expect(res.body).not.toContain(CITIZEN_ID);
        expect(res.body).not.toContain('3456"');
      }
    }
  });
});
