import ExcelJS from 'exceljs';
import { io, type Socket } from 'socket.io-client';
import type { ApiErrorBody, ImportProgressEvent, ImportRowView, ImportView, Page } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { multipart } from '../../../test/multipart';
import { ImportsService } from './imports.service';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
/** The n-th 10-digit MST with a valid check digit, computed independently of the shared validator. */
function mst(n: number): string {
  for (let i = n; ; i += 1000) {
    const body = `03${String(1000000 + i).padStart(7, '0')}`.slice(0, 9);
    const sum = body.split('').reduce((acc, d, k) => acc + Number(d) * WEIGHTS[k], 0);
    const check = 10 - (sum % 11);
    if (check < 10) return body + check;
  }
}
/** The same, with its check digit wrong. */
const badMst = (n: number) => {
  const good = mst(n);
  return good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
};

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const csv = (rows: string[][]) =>
  Buffer.from(
    rows
      .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\r\n'),
  );

/** RFC 4180 enough for the report: quoted fields with doubled quotes. */
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

const EXHIBITOR_HEADERS_VI = [
  'Tên doanh nghiệp',
  'Mã số thuế (MST)',
  'Tỉnh/thành',
  'Ngành hàng',
  'Người liên hệ',
  'E-mail liên hệ',
  'Làng nghề',
];

describe('bulk import', () => {
  let t: TestApp;
  let f: Factory;
  let organizer: TestUser;
  let exhibitor: TestUser;

  const upload = (file: Buffer, kind: string, filename: string, headers: Record<string, string> = {}) => {
    const body = multipart({ content: file, filename }, { kind });
    return t.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...organizer.auth, ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    organizer = await f.organizer();
    exhibitor = await f.member('exhibitor', 'approved');
  });
  afterAll(() => t.close());

  it('gives a template whose headers follow the caller’s language', async () => {
    const vi = await t.inject({
      method: 'GET',
      url: '/api/imports/template?kind=exhibitor',
      headers: organizer.auth,
    });
    expect(vi.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(vi.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0].getRow(1).values as string[]).slice(1, 4)).toEqual([
      'Tên doanh nghiệp',
      'Mã số thuế (MST)',
      'Tỉnh/thành',
    ]);
    const en = await t.inject({
      method: 'GET',
      url: '/api/imports/template?kind=buyer&format=csv',
      headers: { ...organizer.auth, 'accept-language': 'en' },
    });
    expect(parseCsv(en.body)[0]).toEqual([
      'Company name',
      'Country',
      'Contact person',
      'Contact e-mail',
      'Categories',
      'Website',
    ]);
  });

  it('imports a good file: companies, profiles, invitations through the outbox, live progress', async () => {
    const baseUrl = await t.listen();
    const socket: Socket = io(baseUrl, {
      path: '/socket.io',
      auth: { token: organizer.token },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const events: ImportProgressEvent[] = [];
    socket.on('import:progress', (e: ImportProgressEvent) => events.push(e));
    try {
      const file = await xlsx([
        EXHIBITOR_HEADERS_VI,
        ['Gốm Bát Tràng Minh Long', mst(1), 'Hà Nội', 'CER', 'Trần Thị Gốm', 'gom@battrang.example', ''],
        [
          'Mây tre Phú Vinh',
          `${mst(2).slice(0, 4)}.${mst(2).slice(4)}`,
          'ha-noi',
          'bas',
          'Lê Văn Mây',
          'May@PhuVinh.example',
          '',
        ],
        // a legacy province (before the 2025 merger) maps to today's
        ['Lụa Vạn Phúc', mst(3), 'Thua Thien Hue', 'TEX', 'Phạm Lụa', 'lua@vanphuc.example', ''],
      ]);
      const res = await upload(file, 'exhibitor', 'exhibitors.xlsx');
      expect(res.statusCode).toBe(201);
      const view = json<ImportView>(res);
      expect(view).toMatchObject({
        kind: 'exhibitor',
        status: 'done',
        total: 3,
        done: 3,
        created: 3,
        rejected: 0,
      });
      expect(
        json<ImportView>(
          await t.inject({ method: 'GET', url: `/api/imports/${view.id}`, headers: organizer.auth }),
        ),
      ).toEqual(view);

      const companies = await t.dataSource.query(
        `SELECT c.name, c.status, p.tax_code, p.province_code FROM companies c
           JOIN exhibitor_profiles p ON p.company_id = c.id
         WHERE p.tax_code = ANY($1) ORDER BY p.tax_code`,
        [[mst(1), mst(2), mst(3)]],
      );
      expect(companies).toHaveLength(3);
      expect(companies.every((c: { status: string }) => c.status === 'approved')).toBe(true);
      expect(companies.find((c: { tax_code: string }) => c.tax_code === mst(2))).toMatchObject({
        name: 'Mây tre Phú Vinh',
        province_code: 'ha-noi',
      });
      const invited = await t.dataSource.query(
        `SELECT i.email, i.role FROM invitations i JOIN exhibitor_profiles p ON p.company_id = i.company_id
         WHERE p.tax_code = ANY($1) ORDER BY i.email`,
        [[mst(1), mst(2), mst(3)]],
      );
      expect(invited).toEqual([
        { email: 'gom@battrang.example', role: 'staff' },
        { email: 'lua@vanphuc.example', role: 'staff' },
        { email: 'may@phuvinh.example', role: 'staff' },
      ]);
      expect(
        await count(`mail_outbox WHERE template = 'invitation' AND to_address = ANY($1)`, [
          ['gom@battrang.example', 'lua@vanphuc.example', 'may@phuvinh.example'],
        ]),
      ).toBe(3);
      await new Promise<void>((resolve) => {
        const check = () =>
          events.some((e) => e.importId === view.id && e.done === 3) ? resolve() : setTimeout(check, 20);
        check();
      });
      expect(events.filter((e) => e.importId === view.id).every((e) => e.total === 3)).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('re-importing the same file updates and creates no duplicates (nor new invitations)', async () => {
    const rows = [
      EXHIBITOR_HEADERS_VI,
      [
        'Gốm Bát Tràng Minh Long (mới)',
        mst(1),
        'Hà Nội',
        'CER',
        'Trần Thị Gốm',
        'gom@battrang.example',
        'bat-trang',
      ],
      ['Mây tre Phú Vinh', mst(2), 'ha-noi', 'BAS', 'Lê Văn Mây', 'may@phuvinh.example', ''],
    ];
    const before = [await count('companies'), await count('invitations'), await count('mail_outbox')];
    const first = json<ImportView>(await upload(await xlsx(rows), 'exhibitor', 'again.xlsx'));
    const second = json<ImportView>(await upload(await xlsx(rows), 'exhibitor', 'again.xlsx'));
    expect([first.created, first.updated, second.created, second.updated]).toEqual([0, 2, 0, 2]);
    expect([await count('companies'), await count('invitations'), await count('mail_outbox')]).toEqual(
      before,
    );
    const [renamed] = await t.dataSource.query(
      `SELECT c.name, p.village_code FROM companies c JOIN exhibitor_profiles p ON p.company_id = c.id WHERE p.tax_code = $1`,
      [mst(1)],
    );
    expect(renamed).toEqual({ name: 'Gốm Bát Tràng Minh Long (mới)', village_code: 'bat-trang' });

    // buyers upsert by the contact's e-mail
    const buyers = (name: string) =>
      csv([
        ['companyName', 'country', 'contactName', 'contactEmail', 'categories'],
        [name, 'DE', 'Anna Schmidt', 'anna@import.example', 'CER; BAS'],
      ]);
    const b1 = json<ImportView>(await upload(buyers('Haus & Garten GmbH'), 'buyer', 'b.csv'));
    const b2 = json<ImportView>(await upload(buyers('Haus & Garten AG'), 'buyer', 'b.csv'));
    expect([b1.created, b2.updated, b2.created]).toEqual([1, 1, 0]);
    const found = await t.dataSource.query(
      `SELECT c.name, c.country_code, bp.categories FROM companies c JOIN buyer_profiles bp ON bp.company_id = c.id
       JOIN invitations i ON i.company_id = c.id WHERE i.email = 'anna@import.example'`,
    );
    expect(found).toEqual([{ name: 'Haus & Garten AG', country_code: 'DE', categories: ['BAS', 'CER'] }]);
  });

  it('reports bad rows with their reasons in the organizer’s language, and takes the good ones', async () => {
    const taken = await f.user({
      role: 'exhibitor',
      companyId: exhibitor.companyId!,
      email: 'taken@other.example',
    });
    const file = csv([
      ['Company name', 'Country', 'Contact person', 'Contact e-mail', 'Categories', 'Website'],
      ['Good Imports Ltd', 'GB', 'Sam Good', 'sam@good.example', 'CER', ''],
      ['Bad Mail Inc', 'US', 'Bob', 'not-an-email', '', ''],
      ['Nowhere Co', 'XX', 'Nia', 'nia@nowhere.example', '', ''],
      ['', 'FR', 'Nameless', 'nameless@x.example', '', ''],
      ['Odd Category SA', 'FR', 'Odile', 'odile@odd.example', 'CER; XYZ', ''],
      ['Taken Ltd', 'JP', 'Ken', taken.email, '', ''],
      ['Also Good GmbH', 'Germany', 'Gerd', 'gerd@also.example', '', 'https://also.example'],
    ]);
    const res = await upload(file, 'buyer', 'buyers.csv', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(201);
    const view = json<ImportView>(res);
    expect(view).toMatchObject({ total: 7, created: 2, updated: 0, rejected: 5, status: 'done' });
    expect(await count(`invitations WHERE email IN ('sam@good.example', 'gerd@also.example')`)).toBe(2);
    expect(
      await count(`companies WHERE name IN ('Bad Mail Inc', 'Nowhere Co', 'Odd Category SA', 'Taken Ltd')`),
    ).toBe(0);

    const report = await t.inject({
      method: 'GET',
      url: `/api/imports/${view.id}/report?format=csv`,
      headers: { ...organizer.auth, 'accept-language': 'en' },
    });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(report.body);
    expect(rows[0].slice(0, 4)).toEqual(['Row', 'Result', 'Reason', 'Company name']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2', 'Created', ''],
      ['3', 'Rejected', '“not-an-email” is not a valid e-mail address.'],
      ['4', 'Rejected', '“XX” is not a known country code (ISO 3166, e.g. DE).'],
      ['5', 'Rejected', 'Company name is required.'],
      ['6', 'Rejected', '“CER; XYZ” is not a known product category.'],
      ['7', 'Rejected', `The e-mail ${taken.email} already belongs to a person of another company.`],
      ['8', 'Created', ''],
    ]);

    // the same report as JSON: a page at a time, one outcome if asked, reasons localized
    const page = async (query: string, language = 'en') => {
      const res = await t.inject({
        method: 'GET',
        url: `/api/imports/${view.id}/rows?${query}`,
        headers: { ...organizer.auth, 'accept-language': language },
      });
      expect(res.statusCode).toBe(200);
      return json<Page<ImportRowView>>(res);
    };
    const all = await page('');
    expect([all.total, all.page, all.items.map((r) => [r.rowNumber, r.outcome])]).toEqual([
      7,
      1,
      [
        [2, 'created'],
        [3, 'rejected'],
        [4, 'rejected'],
        [5, 'rejected'],
        [6, 'rejected'],
        [7, 'rejected'],
        [8, 'created'],
      ],
    ]);
    expect(all.items[0]).toEqual({
      rowNumber: 2,
      outcome: 'created',
      reasonCode: null,
      reasonColumn: null,
      reason: null,
      data: expect.objectContaining({
        companyName: 'Good Imports Ltd',
        country: 'GB',
        contactEmail: 'sam@good.example',
      }),
    });
    const rejected = await page('outcome=rejected&pageSize=2&page=2');
    expect([rejected.total, rejected.pageSize, rejected.items.length]).toEqual([5, 2, 2]);
    expect(rejected.items.map((r) => [r.rowNumber, r.reasonCode, r.reasonColumn, r.reason])).toEqual([
      [5, 'required', 'companyName', 'Company name is required.'],
      [6, 'unknownCategory', 'categories', '“CER; XYZ” is not a known product category.'],
    ]);
    expect((await page('outcome=rejected&pageSize=2&page=3')).items.map((r) => r.rowNumber)).toEqual([7]);
    expect((await page('outcome=updated')).items).toEqual([]);
    expect((await page('outcome=created')).items.map((r) => r.rowNumber)).toEqual([2, 8]);
    const vietnamese = await page('outcome=rejected&pageSize=1', 'vi');
    expect(vietnamese.items[0].reason).toBe('“not-an-email” không phải địa chỉ e-mail hợp lệ.');
    for (const bad of ['outcome=deleted', 'pageSize=1000', 'page=0']) {
      const res = await t.inject({
        method: 'GET',
        url: `/api/imports/${view.id}/rows?${bad}`,
        headers: organizer.auth,
      });
      expect([res.statusCode, json(res).code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const unknown = await t.inject({
      method: 'GET',
      url: `/api/imports/00000000-0000-4000-8000-000000000000/rows`,
      headers: organizer.auth,
    });
    expect(unknown.statusCode).toBe(404);

    const vi = await t.inject({
      method: 'GET',
      url: `/api/imports/${view.id}/report?format=xlsx`,
      headers: organizer.auth,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(vi.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('Kết quả');
    expect(sheet.getRow(3).getCell(3).value).toBe('“not-an-email” không phải địa chỉ e-mail hợp lệ.');
  });

  it('rejects rows with a wrong check digit, an unknown province or category', async () => {
    const file = await xlsx([
      EXHIBITOR_HEADERS_VI,
      ['Sai MST', badMst(7), 'Hà Nội', 'CER', 'A', 'a@sai.example', ''],
      ['Tỉnh lạ', mst(8), 'Atlantis', 'CER', 'B', 'b@sai.example', ''],
      ['Ngành lạ', mst(9), 'Huế', 'ZZZ', 'C', 'c@sai.example', ''],
      ['Đúng', mst(10), 'Huế', 'LAC', 'D', 'd@dung.example', ''],
      // typed as a number, the leading zero of the MST is gone
      ['Số', Number(mst(11)), 'Huế', 'LAC', 'E', 'e@so.example', ''],
    ]);
    const view = json<ImportView>(await upload(file, 'exhibitor', 'x.xlsx'));
    expect(view).toMatchObject({ created: 2, rejected: 3 });
    expect(await count(`exhibitor_profiles WHERE tax_code = $1`, [mst(11)])).toBe(1);
    const reasons = await t.dataSource.query(
      `SELECT row_number, reason, reason_column FROM import_rows WHERE import_id = $1 ORDER BY row_number`,
      [view.id],
    );
    expect(reasons).toEqual([
      { row_number: 2, reason: 'invalidTaxCode', reason_column: 'taxCode' },
      { row_number: 3, reason: 'unknownProvince', reason_column: 'province' },
      { row_number: 4, reason: 'unknownCategory', reason_column: 'category' },
      { row_number: 5, reason: null, reason_column: null },
      { row_number: 6, reason: null, reason_column: null },
    ]);
  });

  it('refuses an unreadable file or one missing columns as a whole, writing nothing', async () => {
    const before = [await count('imports'), await count('import_rows'), await count('companies')];
    const garbage = await upload(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xff, 0xfe, 0x00, 0x81]),
      'exhibitor',
      'old.xls',
    );
    expect([garbage.statusCode, json<ApiErrorBody>(garbage).code]).toEqual([400, 'IMPORT_UNREADABLE']);
    const brokenZip = await upload(
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]),
      'exhibitor',
      'x.xlsx',
    );
    expect(json<ApiErrorBody>(brokenZip).code).toBe('IMPORT_UNREADABLE');

    const missing = await upload(
      await xlsx([
        ['Tên doanh nghiệp', 'Tỉnh/thành'],
        ['Gốm', 'Hà Nội'],
      ]),
      'exhibitor',
      'missing.xlsx',
      { 'accept-language': 'en' },
    );
    const body = json<ApiErrorBody>(missing);
    expect([missing.statusCode, body.code]).toEqual([400, 'IMPORT_COLUMNS_MISSING']);
    expect(body.details?.columns).toEqual(['taxCode', 'category', 'contactName', 'contactEmail']);
    expect(body.message).toContain('Tax code (MST), Category, Contact person, Contact e-mail');

    const empty = await upload(
      csv([['companyName', 'country', 'contactName', 'contactEmail']]),
      'buyer',
      'e.csv',
    );
    expect(json<ApiErrorBody>(empty).code).toBe('IMPORT_EMPTY');
    const noKind = await upload(csv([['a']]), 'seller', 'e.csv');
    expect(json<ApiErrorBody>(noKind).code).toBe('VALIDATION_FAILED');
    expect([await count('imports'), await count('import_rows'), await count('companies')]).toEqual(before);
  });

  it('marks an import failed when the database fails mid-way, and a retry resumes from the first open row', async () => {
    await t.dataSource.query(`
      CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'BOOM' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER test_boom BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION test_boom()`,
    );
    const file = csv([
      ['companyName', 'country', 'contactName', 'contactEmail'],
      ['Before Ltd', 'GB', 'Bea', 'bea@before.example'],
      ['BOOM', 'GB', 'Bo', 'bo@boom.example'],
      ['After Ltd', 'GB', 'Al', 'al@after.example'],
    ]);
    const failed = json<ImportView>(await upload(file, 'buyer', 'boom.csv'));
    expect(failed).toMatchObject({ status: 'failed', created: 1, done: 1, total: 3 });
    expect(failed.finishedAt).not.toBeNull();
    await t.dataSource.query(`DROP TRIGGER test_boom ON companies; DROP FUNCTION test_boom()`);
    await t.app.get(ImportsService).process(failed.id);
    const resumed = json<ImportView>(
      await t.inject({ method: 'GET', url: `/api/imports/${failed.id}`, headers: organizer.auth }),
    );
    expect(resumed).toMatchObject({ status: 'done', created: 3, rejected: 0, done: 3 });
    const list = json<ImportView[]>(
      await t.inject({ method: 'GET', url: '/api/imports', headers: organizer.auth }),
    );
    expect(list.find((i) => i.id === failed.id)).toEqual(resumed);
    expect(
      await count(`invitations WHERE email IN ('bea@before.example', 'bo@boom.example', 'al@after.example')`),
    ).toBe(3);
  });

  it('is for the organizer only', async () => {
    const body = multipart({ content: csv([['x']]), filename: 'a.csv' }, { kind: 'buyer' });
    const refused = await t.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...exhibitor.auth, ...body.headers },
      payload: body.payload,
    });
    expect(refused.statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: '/api/imports', headers: exhibitor.auth })).statusCode).toBe(
      403,
    );
    const [any] = await t.dataSource.query(`SELECT id FROM imports LIMIT 1`);
    expect(
      (await t.inject({ method: 'GET', url: `/api/imports/${any.id}`, headers: exhibitor.auth })).statusCode,
    ).toBe(403);
    expect(
      (await t.inject({ method: 'GET', url: `/api/imports/${any.id}/report`, headers: exhibitor.auth }))
        .statusCode,
    ).toBe(403);
    for (const who of [exhibitor, await f.user({ role: 'organizer_staff' })]) {
      const rows = await t.inject({ method: 'GET', url: `/api/imports/${any.id}/rows`, headers: who.auth });
      expect(rows.statusCode).toBe(403);
    }
  });
});
