import QRCode from 'qrcode';
import type {
  CatalogueExhibitorPage,
  CatalogueProductPage,
  PublicExhibitor,
  PublicProduct,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { CatalogueFactory } from '../../../test/catalogue-factory';
import { QR_OPTIONS } from '../qr';

describe('catalogue: public search and traceability pages', () => {
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
    return json<CatalogueProductPage>(res);
  }

  async function allPages(query: Record<string, string | number>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page: CatalogueProductPage = await search(cursor ? { ...query, cursor } : query);
      ids.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return ids;
  }

  it('finds a Bát Tràng maker whatever the accents and case: "bat trang", "BÁT TRÀNG", "Bát Tràng"', async () => {
    const { companyId } = await cf.exhibitor({ name: 'Gốm Minh Long Thịnh', village: 'bat-trang' });
    const vase = await cf.product(companyId, { nameVi: 'Bình hoa men rạn', nameEn: 'Crackle glaze vase' });
    const { companyId: other } = await cf.exhibitor({ name: 'Lụa Hà Đông', village: 'van-phuc' });
    const silk = await cf.product(other, {
      nameVi: 'Khăn lụa tơ tằm',
      nameEn: 'Silk scarf',
      category: 'TEX',
    });
    for (const q of ['bat trang', 'BÁT TRÀNG', 'Bát Tràng', '  bat   TRANG ']) {
      const ids = (await search({ q })).items.map((p) => p.id);
      expect({ q, found: ids.includes(vase.id) }).toEqual({ q, found: true });
      expect(ids).not.toContain(silk.id);
    }
  });

  it('finds "gốm sứ" with "gom su", and rattan with the typo "rattn"', async () => {
    const { companyId } = await cf.exhibitor({ village: 'phu-vinh' });
    const ceramic = await cf.product(companyId, {
      nameVi: 'Bộ ấm chén gốm sứ vẽ tay',
      nameEn: 'Hand-painted tea set',
    });
    const basket = await cf.product(companyId, {
      nameVi: 'Giỏ đựng đồ giặt',
      nameEn: 'Rattan laundry basket',
      category: 'BAS',
      materials: ['rattan'],
    });
    const gomSu = (await search({ q: 'gom su' })).items.map((p) => p.id);
    expect(gomSu).toContain(ceramic.id);
    expect(gomSu).not.toContain(basket.id);
    const typo = (await search({ q: 'rattn' })).items.map((p) => p.id);
    expect(typo).toContain(basket.id);
    expect(typo).not.toContain(ceramic.id);
    const typo2 = (await search({ q: 'rattn basket' })).items.map((p) => p.id);
    expect(typo2).toContain(basket.id);
  });

  it('filters by category, village, province, certification, MOQ and price range, with facet counts', async () => {
    const token = 'zyxquartz';
    const { companyId: a } = await cf.exhibitor({ name: `Xưởng ${token} Một`, village: 'bat-trang' });
    const { companyId: b } = await cf.exhibitor({ name: `Xưởng ${token} Hai`, village: 'dong-ky' });
    const p1 = await cf.product(a, {
      category: 'CER',
      moq: 50,
      priceMin: '2.00',
      priceMax: '5.00',
      certifications: ['BSCI'],
    });
    const p2 = await cf.product(a, {
      category: 'CER',
      moq: 500,
      priceMin: '10',
      priceMax: '20',
      certifications: ['BSCI', 'FSC_COC'],
    });
    const p3 = await cf.product(b, {
      category: 'FUR',
      moq: 10,
      priceMin: '150',
      priceMax: '300',
      currency: 'USD',
      certifications: ['FSC_COC'],
    });
    const p4 = await cf.product(b, {
      category: 'FUR',
      moq: 5,
      priceMin: '3000000',
      priceMax: '5000000',
      currency: 'VND',
    });

    const all = await search({ q: token });
    expect(all.items.map((p) => p.id).sort()).toEqual([p1.id, p2.id, p3.id, p4.id].sort());
    expect(all.total).toBe(4);
    expect(all.facets.categories).toEqual([
      { code: 'CER', count: 2 },
      { code: 'FUR', count: 2 },
    ]);
    expect(all.facets.provinces).toEqual([
      { code: 'bac-ninh', count: 2 },
      { code: 'ha-noi', count: 2 },
    ]);
    expect(all.facets.certifications).toEqual([
      { code: 'BSCI', count: 2 },
      { code: 'FSC_COC', count: 2 },
    ]);

    const ids = async (query: Record<string, string | number>) =>
      (await search({ q: token, ...query })).items.map((p) => p.id).sort();
    expect(await ids({ category: 'FUR' })).toEqual([p3.id, p4.id].sort());
    expect(await ids({ village: 'bat-trang' })).toEqual([p1.id, p2.id].sort());
    expect(await ids({ province: 'bac-ninh' })).toEqual([p3.id, p4.id].sort());
    expect(await ids({ certification: 'FSC_COC' })).toEqual([p2.id, p3.id].sort());
    expect(await ids({ moqMax: 50 })).toEqual([p1.id, p3.id, p4.id].sort());
    // [4, 12] USD overlaps 2–5 and 10–20, not 150–300; VND prices are another currency.
    expect(await ids({ priceMin: '4', priceMax: '12', currency: 'USD' })).toEqual([p1.id, p2.id].sort());
    expect(await ids({ priceMin: '4', priceMax: '12' })).toEqual([p1.id, p2.id].sort());
    expect(await ids({ priceMax: '4000000', currency: 'VND' })).toEqual([p4.id]);

    const filtered = await search({ q: token, certification: 'FSC_COC' });
    expect(filtered.total).toBe(2);
    expect(filtered.facets.categories).toEqual([
      { code: 'CER', count: 1 },
      { code: 'FUR', count: 1 },
    ]);

    const bad = await t.inject({ method: 'GET', url: '/api/catalogue/products?category=XXX&moqMax=-1' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({
      details: { fields: { category: 'INVALID_VALUE', moqMax: 'TOO_SMALL' } },
    });
  });

  it('pages with a keyset cursor in every order, without duplicates or gaps', async () => {
    const token = 'pagetoken';
    const { companyId } = await cf.exhibitor({ name: `Làng ${token}` });
    const same = new Date('2026-11-20T03:00:00.123456Z');
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      const p = await cf.product(companyId, {
        nameEn: i % 3 === 0 ? `${token} ${token} bowl` : `Bowl ${i}`,
        priceMin: i % 5 === 0 ? null : String(i % 4),
        priceMax: i % 5 === 0 ? null : String((i % 4) + 1),
        currency: i % 5 === 0 ? null : 'USD',
        // several share a publication time: the id breaks the tie
        publishedAt: i % 2 === 0 ? same : new Date(same.getTime() + i * 1000),
      });
      created.push(p.id);
    }
    for (const sort of ['newest', 'price_asc', 'price_desc', 'relevance']) {
      const ids = await allPages({ q: token, sort, limit: 5 });
      expect({ sort, count: ids.length, unique: new Set(ids).size }).toEqual({ sort, count: 23, unique: 23 });
      expect([...ids].sort()).toEqual([...created].sort());
    }
    const byExhibitor = await allPages({ exhibitor: companyId, limit: 4 });
    expect([...byExhibitor].sort()).toEqual([...created].sort());

    const tampered = await t.inject({
      method: 'GET',
      url: '/api/catalogue/products?cursor=eyJub3QiOiJ2YWxpZCJ9',
    });
    expect(tampered.statusCode).toBe(400);
    expect(json(tampered)).toMatchObject({ details: { fields: { cursor: 'INVALID_VALUE' } } });
  });

  it('hides drafts, unpublished products and the products of suspended or pending exhibitors', async () => {
    const token = 'hiddentoken';
    const { companyId } = await cf.exhibitor({ name: `Cơ sở ${token}` });
    const visible = await cf.product(companyId);
    const draft = await cf.product(companyId, { status: 'draft' });
    const unpublished = await cf.product(companyId, { status: 'unpublished' });
    const { companyId: suspended } = await cf.exhibitor({ name: `Cơ sở ${token} B` });
    const hidden = await cf.product(suspended);
    expect((await search({ q: token })).items.map((p) => p.id).sort()).toEqual(
      [visible.id, hidden.id].sort(),
    );

    await cf.setStatus(suspended, 'suspended');
    const { companyId: pending } = await cf.exhibitor({ name: `Cơ sở ${token} C`, status: 'pending' });
    const pendingProduct = await cf.product(pending);
    const page = await search({ q: token });
    expect(page.items.map((p) => p.id)).toEqual([visible.id]);
    expect(page.total).toBe(1);

    for (const slug of [draft.slug, unpublished.slug, hidden.slug, pendingProduct.slug, 'no-such-product']) {
      const res = await t.inject({ method: 'GET', url: `/api/catalogue/products/${slug}` });
      expect({ slug, status: res.statusCode }).toEqual({ slug, status: 404 });
      const qr = await t.inject({ method: 'GET', url: `/api/qr/products/${slug}.svg` });
      expect(qr.statusCode).toBe(404);
    }
    const exhibitor = await t.inject({ method: 'GET', url: `/api/catalogue/exhibitors/${suspended}` });
    expect(exhibitor.statusCode).toBe(404);
  });

  it('tells the traceability story: workshop, artisan, village, materials, certifications, awards, booth', async () => {
    const { companyId } = await cf.exhibitor({
      name: 'HTX Gốm Chu Đậu Xanh',
      village: 'chu-dau',
      legalName: 'HTX Gốm Chu Đậu',
    });
    const [ws] = await t.dataSource.query(
      `INSERT INTO workshops (company_id, name, village_code) VALUES ($1, 'Lò gốm ông Tư', 'bat-trang') RETURNING id`,
      [companyId],
    );
    const [artisan] = await t.dataSource.query(
      `INSERT INTO artisans (company_id, workshop_id, name, title) VALUES ($1, $2, 'Nguyễn Văn Tư', 'Nghệ nhân ưu tú') RETURNING id`,
      [companyId, ws.id],
    );
    await t.dataSource.query(
      `INSERT INTO company_certifications (company_id, type, number, expires_on) VALUES
         ($1, 'BSCI', 'BSCI-123', '2027-12-31'), ($1, 'FSC_COC', 'FSC-9', '2025-01-31')`,
      [companyId],
    );
    const product = await cf.product(companyId, {
      nameVi: 'Lọ hoa gốm men lam',
      nameEn: 'Blue glaze vase',
      materials: ['clay', 'cobalt glaze'],
      materialOrigin: 'Đất sét Trúc Thôn, Hải Dương',
      certifications: ['BSCI', 'FSC_COC', 'OCOP_4'],
      awards: [
        { name: 'Sản phẩm thủ công mỹ nghệ tiêu biểu', year: 2025, kind: 'product_contest', rank: 'Gold' },
      ],
      workshopId: ws.id,
      artisanId: artisan.id,
    });
    // An approved booth at a live fair.
    const [fair] = await t.dataSource.query(
      `INSERT INTO fairs (slug, name_vi, name_en, venue, status) VALUES ('hcm-2026', 'Hội chợ 2026', 'Fair 2026', 'SECC', 'live') RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO fair_days (fair_id, day, opens_at, closes_at) VALUES ($1, '2026-11-27', '09:00', '17:00')`,
      [fair.id],
    );
    const [hall] = await t.dataSource.query(
      `INSERT INTO halls (fair_id, code, name) VALUES ($1, 'A', 'Hall A') RETURNING id`,
      [fair.id],
    );
    await t.dataSource.query(
      `INSERT INTO booths (fair_id, company_id, status, hall_id, code) VALUES ($1, $2, 'approved', $3, 'A-12')`,
      [fair.id, companyId, hall.id],
    );

    const res = await t.inject({ method: 'GET', url: `/api/catalogue/products/${product.slug}` });
    expect(res.statusCode).toBe(200);
    const page = json<PublicProduct>(res);
    expect(page).toMatchObject({
      slug: product.slug,
      nameEn: 'Blue glaze vase',
      materials: ['clay', 'cobalt glaze'],
      materialOrigin: 'Đất sét Trúc Thôn, Hải Dương',
      workshop: {
        name: 'Lò gốm ông Tư',
        village: { code: 'bat-trang', nameVi: 'Bát Tràng' },
        province: { code: 'ha-noi' },
      },
      artisan: { name: 'Nguyễn Văn Tư', title: 'Nghệ nhân ưu tú' },
      village: { code: 'bat-trang' },
      province: { code: 'ha-noi' },
      awards: [
        { name: 'Sản phẩm thủ công mỹ nghệ tiêu biểu', year: 2025, kind: 'product_contest', rank: 'Gold' },
      ],
      exhibitor: { id: companyId, name: 'HTX Gốm Chu Đậu Xanh', village: { code: 'chu-dau' } },
      booth: { code: 'A-12', fairId: fair.id, fairStatus: 'live', hallCode: 'A', firstDay: '2026-11-27' },
      publicUrl: `http://localhost:3000/p/${product.slug}`,
      qr: { svg: `/api/qr/products/${product.slug}.svg` },
    });
    // The test clock reads 2026-11-27: BSCI is valid, the FSC certificate has expired, OCOP has no record.
    expect(page.certifications).toEqual([
      { type: 'BSCI', number: 'BSCI-123', issuer: null, expiresOn: '2027-12-31', valid: true },
      { type: 'FSC_COC', number: 'FSC-9', issuer: null, expiresOn: '2025-01-31', valid: false },
      { type: 'OCOP_4', number: null, issuer: null, expiresOn: null, valid: true },
    ]);

    const ex = await t.inject({ method: 'GET', url: `/api/catalogue/exhibitors/${companyId}` });
    expect(ex.statusCode).toBe(200);
    const exhibitor = json<PublicExhibitor>(ex);
    expect(exhibitor).toMatchObject({
      name: 'HTX Gốm Chu Đậu Xanh',
      booth: { code: 'A-12' },
      legalName: 'HTX Gốm Chu Đậu',
    });
    expect(exhibitor.products.items.map((p) => p.id)).toEqual([product.id]);
  });

  it('serves QR codes of the public page as SVG and PNG downloads', async () => {
    const { companyId } = await cf.exhibitor();
    const product = await cf.product(companyId);
    const url = `http://localhost:3000/p/${product.slug}`;
    const svg = await t.inject({ method: 'GET', url: `/api/qr/products/${product.slug}.svg` });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['content-disposition']).toBe(
      `attachment; filename="craftmatch-${product.slug}-qr.svg"`,
    );
    expect(svg.body).toBe(await QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' }));
    const png = await t.inject({ method: 'GET', url: `/api/qr/products/${product.slug}.png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 4).toString('hex')).toBe('89504e47');
    const other = await t.inject({ method: 'GET', url: `/api/qr/products/${product.slug}.gif` });
    expect(other.statusCode).toBe(404);
  });

  it('searches exhibitors the same way, approved ones only', async () => {
    const { companyId } = await cf.exhibitor({ name: 'Gốm Sứ Quang Vinh', village: 'bat-trang' });
    await cf.product(companyId, { category: 'CER' });
    const { companyId: pending } = await cf.exhibitor({ name: 'Gốm Sứ Quang Vinh Hai', status: 'pending' });
    const res = await t.inject({ method: 'GET', url: '/api/catalogue/exhibitors?q=gom%20su%20quang%20vinh' });
    expect(res.statusCode).toBe(200);
    const page = json<CatalogueExhibitorPage>(res);
    const ids = page.items.map((e) => e.id);
    expect(ids).toContain(companyId);
    expect(ids).not.toContain(pending);
    expect(page.items.find((e) => e.id === companyId)).toMatchObject({
      villageCode: 'bat-trang',
      productCount: 1,
    });
    const byVillage = json<CatalogueExhibitorPage>(
      await t.inject({ method: 'GET', url: '/api/catalogue/exhibitors?q=BAT%20TRANG&category=CER' }),
    );
    expect(byVillage.items.map((e) => e.id)).toContain(companyId);
  });
});
