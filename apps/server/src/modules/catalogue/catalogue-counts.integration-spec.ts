import { CATALOGUE_MATCH_CAP, type CatalogueProductPage } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { CatalogueFactory } from '../../../test/catalogue-factory';

/** Search counts: kept in step with every write that decides them, and capped past CATALOGUE_MATCH_CAP. */
describe('catalogue: search counts', () => {
  let t: TestApp;
  let cf: CatalogueFactory;

  beforeAll(async () => {
    t = await createTestApp();
    cf = new CatalogueFactory(t);
  });
  afterAll(() => t.close());

  async function search(query: Record<string, string | number>): Promise<CatalogueProductPage> {
    const qs = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();
    const res = await t.inject({ method: 'GET', url: `/api/catalogue/products?${qs}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return json<CatalogueProductPage>(res);
  }

  it('counts the workshop village before the exhibitor one, and follows every change that moves a product', async () => {
    const token = 'countmovetoken';
    const { companyId } = await cf.exhibitor({ name: `Xưởng ${token}`, village: 'bat-trang' });
    const [ws] = await t.dataSource.query(
      `INSERT INTO workshops (company_id, name, village_code) VALUES ($1, 'Xưởng Đồng Kỵ', 'dong-ky') RETURNING id`,
      [companyId],
    );
    const carved = await cf.product(companyId, {
      category: 'FUR',
      workshopId: ws.id,
      certifications: ['FSC_COC'],
    });
    const vase = await cf.product(companyId, { category: 'CER', certifications: ['BSCI', 'FSC_COC'] });

    const first = await search({ q: token });
    expect(first).toMatchObject({ total: 2, totalIsEstimate: false });
    expect(first.facets).toEqual({
      categories: [
        { code: 'CER', count: 1 },
        { code: 'FUR', count: 1 },
      ],
      provinces: [
        { code: 'bac-ninh', count: 1 },
        { code: 'ha-noi', count: 1 },
      ],
      certifications: [
        { code: 'FSC_COC', count: 2 },
        { code: 'BSCI', count: 1 },
      ],
    });
    const byVillage = (await search({ q: token, village: 'dong-ky' })).items;
    expect(byVillage.map((p) => [p.id, p.villageCode, p.villageName, p.provinceCode])).toEqual([
      [carved.id, 'dong-ky', expect.any(String), 'bac-ninh'],
    ]);

    // The workshop moves to Vạn Phúc (Hà Nội): both products now count in Hà Nội.
    await t.dataSource.query(`UPDATE workshops SET village_code = 'van-phuc' WHERE id = $1`, [ws.id]);
    expect((await search({ q: token })).facets.provinces).toEqual([{ code: 'ha-noi', count: 2 }]);
    expect((await search({ q: token, village: 'van-phuc' })).items.map((p) => p.id)).toEqual([carved.id]);

    // The exhibitor moves to Đồng Kỵ: the product without a workshop follows it.
    await t.dataSource.query(`UPDATE exhibitor_profiles SET village_code = 'dong-ky' WHERE company_id = $1`, [
      companyId,
    ]);
    expect((await search({ q: token })).facets.provinces).toEqual([
      { code: 'bac-ninh', count: 1 },
      { code: 'ha-noi', count: 1 },
    ]);
    expect((await search({ q: token, province: 'bac-ninh' })).items.map((p) => p.id)).toEqual([vase.id]);

    // Unpublished, then the exhibitor suspended and approved again.
    await t.dataSource.query(`UPDATE products SET status = 'unpublished' WHERE id = $1`, [vase.id]);
    expect(await search({ q: token })).toMatchObject({ total: 1, items: [{ id: carved.id }] });
    await cf.setStatus(companyId, 'suspended');
    expect(await search({ q: token })).toMatchObject({ total: 0, items: [] });
    await cf.setStatus(companyId, 'approved');
    expect(await search({ q: token })).toMatchObject({ total: 1, items: [{ id: carved.id }] });

    // A price change is searchable at once.
    await t.dataSource.query(
      `UPDATE products SET price_min = 7, price_max = 9, currency = 'USD' WHERE id = $1`,
      [carved.id],
    );
    expect((await search({ q: token, priceMax: '8' })).items.map((p) => p.id)).toEqual([carved.id]);
    await t.dataSource.query(`DELETE FROM products WHERE id = $1`, [carved.id]);
    expect(await search({ q: token })).toMatchObject({ total: 0, totalIsEstimate: false });
  });

  it(`past ${CATALOGUE_MATCH_CAP} matches, says the total is an estimate and ranks and counts the first ones`, async () => {
    const token = 'captoken';
    const { companyId } = await cf.exhibitor({ name: `Làng ${token}` });
    const extra = 30;
    // Every third product a basket: fewer than the cap, so counted exactly.
    const rows: { id: string; g: number }[] = await t.dataSource.query(
      `INSERT INTO products (company_id, slug, status, name_vi, name_en, category_code, published_at)
       SELECT $1, 'cap-' || g || '-' || $2, 'published', 'Sản phẩm ' || g, $3 || ' item ' || g,
              CASE WHEN g % 3 = 0 THEN 'BAS' ELSE 'CER' END, now() - make_interval(secs => g)
         FROM generate_series(1, $4::int) g
       RETURNING id, (regexp_match(slug, '^cap-([0-9]+)-'))[1]::int AS g`,
      [companyId, Date.now(), token, CATALOGUE_MATCH_CAP + extra],
    );
    await t.dataSource.query(`SELECT cm_refresh_product_search($1::uuid[])`, [rows.map((r) => r.id)]);
    const baskets = rows.filter((r) => r.g % 3 === 0).length;

    const all = await search({ q: token });
    expect(all).toMatchObject({ total: CATALOGUE_MATCH_CAP, totalIsEstimate: true });
    const counted = all.facets.categories.reduce((sum, c) => sum + c.count, 0);
    expect(counted).toBe(CATALOGUE_MATCH_CAP);
    expect(all.facets.categories.map((c) => c.code).sort()).toEqual(['BAS', 'CER']);

    const exact = await search({ q: token, category: 'BAS' });
    expect(exact).toMatchObject({ total: baskets, totalIsEstimate: false });
    expect(exact.facets.categories).toEqual([{ code: 'BAS', count: baskets }]);

    // Orders with an index stay exact over every match: the newest is product 1.
    const newest = await search({ q: token, sort: 'newest', limit: 3 });
    const byG = new Map(rows.map((r) => [r.id, r.g]));
    expect(newest.items.map((p) => byG.get(p.id))).toEqual([1, 2, 3]);
    expect(newest.totalIsEstimate).toBe(true);

    // Relevance pages through exactly the ranked candidates, without duplicates.
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 40; guard++) {
      const page: CatalogueProductPage = await search({ q: token, limit: 60, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect({ count: ids.length, unique: new Set(ids).size }).toEqual({
      count: CATALOGUE_MATCH_CAP,
      unique: CATALOGUE_MATCH_CAP,
    });
  });
});
