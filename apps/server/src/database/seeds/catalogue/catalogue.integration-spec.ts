import { CATEGORY_CODES, validateTaxCode, type BoothPoster, type FairPage } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../../test/app';
import { Factory } from '../../../../test/factories';
import { demoTaxCode, seedCatalogue } from '../catalogue';

describe('seedCatalogue', () => {
  let t: TestApp;
  let batTrang: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    // The demo exhibitor accounts exist before the catalogue loads.
    batTrang = await f.company({ name: 'Gốm sứ Bát Tràng Minh Phúc', status: 'approved' });
    await f.company({ name: 'HTX Mây tre đan Phú Vinh', status: 'approved' });
  });
  afterAll(() => t.close());

  it('makes valid tax codes for any index', () => {
    for (let i = 0; i < 5000; i++) expect(validateTaxCode(demoTaxCode(i)).valid).toBe(true);
    expect(new Set(Array.from({ length: 5000 }, (_, i) => demoTaxCode(i))).size).toBe(5000);
  });

  it('loads a valid demo catalogue around the live fair, once', async () => {
    const result = await seedCatalogue(t.dataSource, {
      exhibitors: 20,
      products: 120,
      now: t.clock.now(),
    });
    expect(result).toMatchObject({ seeded: true, exhibitors: 20, products: 120 });
    expect(result.photos).toBeGreaterThanOrEqual(120);

    const taxCodes: { tax_code: string }[] = await t.dataSource.query(
      `SELECT tax_code FROM exhibitor_profiles`,
    );
    expect(taxCodes).toHaveLength(20);
    for (const { tax_code } of taxCodes) expect(validateTaxCode(tax_code).valid).toBe(true);

    const categories: { category_code: string; n: number }[] = await t.dataSource.query(
      `SELECT category_code, count(*)::int AS n FROM products WHERE status = 'published' GROUP BY 1`,
    );
    expect(categories.map((c) => c.category_code).sort()).toEqual([...CATEGORY_CODES].sort());

    // The TestClock reads 2026-11-27 09:00 in Hanoi: the current fair is open right now.
    const [live] = await t.dataSource.query(
      `SELECT f.slug, f.status, count(d.*)::int AS days,
              bool_or($1::timestamptz BETWEEN ((d.day + d.opens_at) AT TIME ZONE f.time_zone)
                                          AND ((d.day + d.closes_at) AT TIME ZONE f.time_zone)) AS open_now
         FROM fairs f JOIN fair_days d ON d.fair_id = f.id WHERE f.slug = $2 GROUP BY f.id`,
      [t.clock.now(), result.fairs.current],
    );
    expect(live).toEqual({ slug: 'hanoi-gift-show-2026', status: 'live', days: 4, open_now: true });

    const [search] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE search_text = '')::int AS empty,
              bool_and(search_text = lower(search_text)) AS lowered
         FROM products`,
    );
    expect(search).toEqual({ empty: 0, lowered: true });
    const [bt] = await t.dataSource.query(
      `SELECT count(*)::int AS n, bool_and(search_text LIKE '%bat trang%') AS found FROM products WHERE company_id = $1`,
      [batTrang],
    );
    expect(bt.n).toBeGreaterThanOrEqual(6);
    expect(bt.found).toBe(true);

    const [numbers] = await t.dataSource.query(
      `SELECT bool_and(moq BETWEEN 50 AND 500) AS moq, bool_and(price_min <= price_max) AS prices,
              bool_and(currency IN ('USD','VND')) AS currency, count(*) FILTER (WHERE currency = 'VND')::int AS vnd,
              bool_and(hs_code ~ '^[0-9]{8}$') AS hs
         FROM products`,
    );
    expect(numbers).toMatchObject({ moq: true, prices: true, currency: true, hs: true });
    expect(numbers.vnd).toBeGreaterThan(0);

    const [photo] = await t.dataSource.query(
      `SELECT bool_and(substring(f.data from 1 for 4) = 'RIFF'::bytea AND substring(f.data from 9 for 4) = 'WEBP'::bytea) AS webp,
              bool_and(f.thumb IS NOT NULL) AS thumbs,
              (SELECT count(*)::int FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_photos x WHERE x.product_id = p.id)) AS without
         FROM files f`,
    );
    expect(photo).toEqual({ webp: true, thumbs: true, without: 0 });

    // Every exhibitor stands at the live fair, on its own cell, showing its own products.
    const [booths] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT (hall_id, grid_row, grid_col))::int AS cells
         FROM booths b JOIN fairs f ON f.id = b.fair_id WHERE f.slug = $1 AND b.status = 'approved'`,
      [result.fairs.current],
    );
    expect(booths).toEqual({ n: 20, cells: 20 });
    const [{ foreign }] = await t.dataSource.query(
      `SELECT count(*)::int AS foreign FROM booth_products bp JOIN booths b ON b.id = bp.booth_id
         JOIN products p ON p.id = bp.product_id WHERE p.company_id <> b.company_id`,
    );
    expect(foreign).toBe(0);

    const upcoming = json<FairPage>(await t.inject({ method: 'GET', url: '/api/fairs?when=upcoming' }));
    expect(upcoming.items.map((f) => f.slug)).toEqual([result.fairs.current, result.fairs.upcoming]);
    const past = json<FairPage>(await t.inject({ method: 'GET', url: '/api/fairs?when=past' }));
    expect(past.items.map((f) => f.slug)).toEqual([result.fairs.past]);

    const [{ id: boothId }] = await t.dataSource.query(
      `SELECT b.id FROM booths b JOIN fairs f ON f.id = b.fair_id WHERE f.slug = $1 AND b.company_id = $2`,
      [result.fairs.current, batTrang],
    );
    const poster = json<BoothPoster>(await t.inject({ method: 'GET', url: `/api/booths/${boothId}/poster` }));
    expect(poster).toMatchObject({ companyName: 'Gốm sứ Bát Tràng Minh Phúc', villageVi: 'Bát Tràng' });
    expect(poster.products.length).toBeGreaterThan(0);

    const again = await seedCatalogue(t.dataSource, { now: t.clock.now() });
    expect(again.seeded).toBe(false);
  });
});
