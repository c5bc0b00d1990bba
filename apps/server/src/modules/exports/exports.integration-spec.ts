import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';

/** CSV rows, RFC 4180 enough for these files (quoted fields, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('exports', () => {
  let t: TestApp;
  let f: Factory;
  let fairId: string;
  let organizer: TestUser;
  let exhibitor: TestUser;
  let buyer: TestUser;
  let otherExhibitor: TestUser;
  let otherBuyer: TestUser;

  const get = (url: string, who: TestUser, lang?: string) =>
    t.inject({
      method: 'GET',
      url: `/api${url}`,
      headers: { ...who.auth, ...(lang ? { 'accept-language': lang } : {}) },
    });

  const meeting = (ex: TestUser, bu: TestUser, start: string) =>
    t.dataSource.query(
      `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
         requester_company_id, status, time_range, expires_at)
       VALUES ($1, $2, $3, $4, $5, $2, 'accepted', tstzrange($6::timestamptz, $6::timestamptz + interval '30 minutes'),
         now() + interval '2 days')`,
      [fairId, bu.companyId, ex.companyId, bu.id, ex.id, start],
    );
  const contract = (
    ex: TestUser,
    bu: TestUser,
    number: string,
    currency: string,
    total: string,
    usd: string,
  ) =>
    t.dataSource.query(
      `INSERT INTO contracts (fair_id, exhibitor_company_id, buyer_company_id, number, signed_on, kind, currency,
         incoterm, incoterm_place, payment_terms, declared_by_company_id, total, fx_rate, fx_date, total_usd)
       VALUES ($1, $2, $3, $4, '2026-12-03', 'contract', $5::text, 'FOB', 'Hai Phong', 'lc_sight', $3, $6,
         CASE WHEN $5::text = 'USD' THEN 1 ELSE 0.00003937 END, '2026-12-01', $7)`,
      [fairId, ex.companyId, bu.companyId, number, currency, total, usd],
    );

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status, time_zone)
       VALUES ($1, 'Hội chợ Thủ công', 'Craft Fair', 'SECC', 'live', 'Asia/Ho_Chi_Minh') RETURNING id`,
      [`fair-${randomUUID()}`],
    );
    fairId = fair.id;
    organizer = await f.organizer();
    exhibitor = await f.member('exhibitor', 'approved');
    buyer = await f.member('buyer', 'approved');
    otherExhibitor = await f.member('exhibitor', 'approved');
    otherBuyer = await f.member('buyer', 'approved');
    await meeting(exhibitor, buyer, '2026-12-03T02:00:00Z');
    await meeting(otherExhibitor, otherBuyer, '2026-12-03T03:00:00Z');
    await contract(exhibitor, buyer, 'HD-001', 'VND', '222000601.0000', '8740.16');
    await contract(otherExhibitor, otherBuyer, 'HD-002', 'USD', '1234.5000', '1234.50');
  });
  afterAll(() => t.close());

  it('gives the organizer meetings as CSV, headers in their language and times in the fair’s zone', async () => {
    const vi = await get(`/exports/meetings?fairId=${fairId}`, organizer);
    expect(vi.statusCode).toBe(200);
    expect(vi.headers['content-type']).toContain('text/csv');
    expect(vi.headers['content-disposition']).toMatch(/^attachment; filename="meetings-.*\.csv"$/);
    const rows = parseCsv(vi.body);
    expect(rows[0].slice(0, 4)).toEqual(['Hội chợ', 'Trạng thái', 'Bắt đầu', 'Kết thúc']);
    expect(
      rows
        .slice(1)
        .map((r) => r.slice(0, 4))
        .sort(),
    ).toEqual([
      ['Hội chợ Thủ công', 'Đã nhận lời', '2026-12-03 09:00', '2026-12-03 09:30'],
      ['Hội chợ Thủ công', 'Đã nhận lời', '2026-12-03 10:00', '2026-12-03 10:30'],
    ]);
    const en = parseCsv((await get(`/exports/meetings?fairId=${fairId}`, organizer, 'en')).body);
    expect(en[0].slice(0, 4)).toEqual(['Fair', 'Status', 'Start', 'End']);
    expect(en[1].slice(0, 2)).toEqual(['Craft Fair', 'Accepted']);
  });

  it('gives contracts as XLSX with exact money as text at each currency’s minor unit', async () => {
    const res = await get(`/exports/contracts?fairId=${fairId}&format=xlsx`, organizer, 'en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = await sheetRows(res.rawPayload);
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(col('Total')).toBeGreaterThan(0);
    const byNumber = Object.fromEntries(rows.slice(1).map((r) => [r[col('Contract number')], r]));
    expect(byNumber['HD-001'][col('Total')]).toBe('222000601');
    expect(byNumber['HD-001'][col('Total (USD)')]).toBe('8740.16');
    expect(byNumber['HD-001'][col('FX rate to USD')]).toBe('0.00003937');
    expect(byNumber['HD-002'][col('Total')]).toBe('1234.50');
    expect(byNumber['HD-002'][col('Payment terms')]).toBe('L/C at sight');
    expect(byNumber['HD-002'][col('Status')]).toBe('Declared');
  });

  it('lets each company export only its own meetings and contracts', async () => {
    const mine = parseCsv((await get('/exports/mine/contracts', exhibitor, 'en')).body);
    expect(mine.slice(1).map((r) => r[0])).toEqual(['HD-001']);
    const theirs = parseCsv((await get('/exports/mine/contracts', otherBuyer, 'en')).body);
    expect(theirs.slice(1).map((r) => r[0])).toEqual(['HD-002']);
    const meetings = parseCsv((await get(`/exports/mine/meetings?fairId=${fairId}`, buyer, 'en')).body);
    expect(meetings).toHaveLength(2);
    expect(meetings[1][meetings[0].indexOf('Buyer')]).not.toBe('');
    const [name] = await t.dataSource.query(`SELECT name FROM companies WHERE id = $1`, [buyer.companyId]);
    expect(meetings[1][meetings[0].indexOf('Buyer')]).toBe(name.name);

    expect((await get('/exports/contracts', exhibitor)).statusCode).toBe(403);
    expect((await get('/exports/mine/contracts', organizer)).statusCode).toBe(403);
    expect((await get('/exports/mine/booths', exhibitor)).statusCode).toBe(404);
    expect((await get('/exports/nonsense', organizer)).statusCode).toBe(404);
    expect((await get('/exports/booths?format=pdf', organizer)).statusCode).toBe(400);
    expect((await get(`/exports/booths?fairId=${randomUUID()}`, organizer)).statusCode).toBe(404);
  });

  it('answers every dataset, CSV and XLSX', async () => {
    for (const dataset of ['exhibitors', 'buyers', 'booths', 'meetings', 'samples', 'contracts']) {
      for (const format of ['csv', 'xlsx']) {
        const res = await get(`/exports/${dataset}?fairId=${fairId}&format=${format}`, organizer);
        expect([dataset, format, res.statusCode]).toEqual([dataset, format, 200]);
      }
    }
  });

  it('streams 100k rows with memory bounded (CSV and XLSX)', async () => {
    await t.dataSource.query(
      `WITH c AS (
         INSERT INTO companies (kind, name, status)
         SELECT 'exhibitor', 'Làng nghề số ' || i, 'approved' FROM generate_series(1, 100000) i RETURNING id)
       INSERT INTO exhibitor_profiles (company_id, tax_code, province_code)
       SELECT id, lpad((row_number() OVER ())::text, 10, '0'), 'ha-noi' FROM c`,
    );
    const baseUrl = await t.listen();
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    try {
      for (const format of ['csv', 'xlsx'] as const) {
        global.gc?.();
        const before = process.memoryUsage().rss;
        let peak = before;
        const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
        const path = join(dir, `exhibitors.${format}`);
        let bytes = 0;
        let newlines = 0;
        const started = Date.now();
        await new Promise<void>((resolve, reject) => {
          httpGet(
            `${baseUrl}/api/exports/exhibitors?format=${format}`,
            { headers: { ...organizer.auth, 'accept-language': 'en' } },
            (res) => {
              expect(res.statusCode).toBe(200);
              res.on('data', (chunk: Buffer) => {
                bytes += chunk.length;
                if (format === 'csv') for (const b of chunk) if (b === 10) newlines++;
              });
              pipeline(res, createWriteStream(path)).then(resolve, reject);
            },
          ).on('error', reject);
        });
        clearInterval(timer);
        const deltaMb = (peak - before) / 2 ** 20;
        console.log(
          `${format}: ${bytes} bytes in ${Date.now() - started} ms, RSS peak +${deltaMb.toFixed(1)} MB`,
        );
        // Holding the rows would cost several times the file; the writer keeps about one page in flight.
        expect(deltaMb).toBeLessThan(200);
        if (format === 'csv') {
          expect(newlines).toBeGreaterThanOrEqual(100_001);
        } else {
          let rows = 0;
          const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {});
          for await (const sheet of reader) for await (const row of sheet) rows += row ? 1 : 0;
          expect(rows).toBeGreaterThanOrEqual(100_001);
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
