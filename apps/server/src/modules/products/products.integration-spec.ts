import sharp from 'sharp';
import type { Page, Product, ProductSummary } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { multipart } from '../../../test/multipart';

const VASE = {
  nameVi: 'Bình gốm men rạn Bát Tràng',
  nameEn: 'Bat Trang crackle-glaze vase',
  categoryCode: 'CER',
};

describe('products: the owner’s catalogue', () => {
  let t: TestApp;
  let f: Factory;
  let png: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#9B2226' } })
      .png()
      .toBuffer();
  });
  afterAll(() => t.close());

  const create = (user: TestUser, payload: Record<string, unknown> = VASE) =>
    t.inject({ method: 'POST', url: '/api/products', headers: user.auth, payload });
  const createOk = async (user: TestUser, payload: Record<string, unknown> = VASE) => {
    const res = await create(user, payload);
    expect(res.statusCode).toBe(201);
    return json<Product>(res);
  };
  const upload = (user: TestUser, productId: string, content: Buffer = png) => {
    const body = multipart({ content, filename: 'photo.png', contentType: 'image/png' });
    return t.inject({
      method: 'POST',
      url: `/api/products/${productId}/photos`,
      headers: { ...user.auth, ...body.headers },
      payload: body.payload,
    });
  };

  it('lets the owner create, read, list, update and delete a product', async () => {
    const owner = await f.member('exhibitor', 'pending');
    const product = await createOk(owner, {
      ...VASE,
      descriptionVi: 'Men rạn cổ, nung ở 1.250 °C.',
      materials: ['đất sét', 'men rạn'],
      materialOrigin: 'Đất sét cao lanh Bát Tràng',
      hsCode: '6913.90',
      lengthCm: '20',
      widthCm: '20',
      heightCm: '35.5',
      weightKg: '1.25',
      unit: 'pcs',
      moq: 100,
      priceMin: '12.50',
      priceMax: '18',
      currency: 'usd',
      leadTimeDays: 45,
      monthlyCapacity: 2000,
      certifications: ['OCOP_4', 'EU_84_500'],
      awards: [
        { name: 'Vietnam Handicraft Design Contest', year: 2025, kind: 'design_contest', rank: 'Gold' },
      ],
    });
    expect(product).toMatchObject({
      companyId: owner.companyId,
      status: 'draft',
      slug: 'bat-trang-crackle-glaze-vase',
      hsCode: '691390',
      heightCm: '35.5',
      weightKg: '1.25',
      priceMin: '12.5',
      priceMax: '18',
      currency: 'USD',
      certifications: ['OCOP_4', 'EU_84_500'],
      awards: [
        { name: 'Vietnam Handicraft Design Contest', year: 2025, kind: 'design_contest', rank: 'Gold' },
      ],
      photos: [],
    });

    // The search text is kept up to date, unaccented.
    const [row] = await t.dataSource.query(`SELECT search_text FROM products WHERE id = $1`, [product.id]);
    expect(row.search_text).toContain('bat trang');
    expect(row.search_text).toContain('dat set');

    const read = await t.inject({ method: 'GET', url: `/api/products/${product.id}`, headers: owner.auth });
    expect(read.statusCode).toBe(200);
    expect(json<Product>(read).nameVi).toBe(VASE.nameVi);

    const patched = await t.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      headers: owner.auth,
      payload: { nameEn: 'Crackle vase, large', priceMin: null, priceMax: null, hsCode: '' },
    });
    expect(patched.statusCode).toBe(200);
    expect(json<Product>(patched)).toMatchObject({
      nameEn: 'Crackle vase, large',
      priceMin: null,
      priceMax: null,
      hsCode: null,
      // the slug stays: QR codes already printed keep working
      slug: 'bat-trang-crackle-glaze-vase',
    });
    const [after] = await t.dataSource.query(`SELECT search_text FROM products WHERE id = $1`, [product.id]);
    expect(after.search_text).toContain('large');

    await createOk(owner, { ...VASE, nameEn: 'Plain bowl' });
    const list = await t.inject({
      method: 'GET',
      url: '/api/products?mine&pageSize=10',
      headers: owner.auth,
    });
    expect(list.statusCode).toBe(200);
    const page = json<Page<ProductSummary>>(list);
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.nameEn).sort()).toEqual(['Crackle vase, large', 'Plain bowl']);

    const drafts = json<Page<ProductSummary>>(
      await t.inject({ method: 'GET', url: '/api/products?status=published', headers: owner.auth }),
    );
    expect(drafts.total).toBe(0);

    const gone = await t.inject({
      method: 'DELETE',
      url: `/api/products/${product.id}`,
      headers: owner.auth,
    });
    expect(gone.statusCode).toBe(204);
    const missing = await t.inject({
      method: 'GET',
      url: `/api/products/${product.id}`,
      headers: owner.auth,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('gives a second product with the same name a suffixed slug', async () => {
    const owner = await f.member('exhibitor', 'pending');
    const first = await createOk(owner, { ...VASE, nameEn: 'Nón lá Chuông' });
    const second = await createOk(owner, { ...VASE, nameEn: 'Nón lá Chuông' });
    expect(first.slug).toBe('non-la-chuong');
    expect(second.slug).toBe('non-la-chuong-2');
  });

  it('stores HS codes as digits and keeps prices exact', async () => {
    const owner = await f.member('exhibitor', 'pending');
    const incense = await createOk(owner, {
      nameVi: 'Hương trầm Quảng Phú Cầu',
      nameEn: 'Agarwood incense sticks',
      categoryCode: 'INC',
      hsCode: '3307.41',
      priceMin: '0.1',
      priceMax: '0.2',
      currency: 'USD',
    });
    expect(incense.hsCode).toBe('330741');
    expect(incense.priceMin).toBe('0.1');
    expect(incense.priceMax).toBe('0.2');
    const [row] = await t.dataSource.query(
      `SELECT hs_code, (price_min + price_max)::text AS sum FROM products WHERE id = $1`,
      [incense.id],
    );
    expect(row).toEqual({ hs_code: '330741', sum: '0.3000' });

    const vnd = await createOk(owner, {
      ...VASE,
      priceMin: '1250000',
      priceMax: '1250000.5',
      currency: 'VND',
    });
    expect([vnd.priceMin, vnd.priceMax]).toEqual(['1250000', '1250000.5']);
  });

  it('refuses invalid fields with field codes', async () => {
    const owner = await f.member('exhibitor', 'pending');
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ ...VASE, hsCode: '69.1' }, { hsCode: 'INVALID_HS_CODE' }],
      [{ ...VASE, hsCode: '6913901' }, { hsCode: 'INVALID_HS_CODE' }],
      [{ ...VASE, priceMin: '20', priceMax: '19.9999', currency: 'USD' }, { priceMax: 'TOO_SMALL' }],
      [{ ...VASE, priceMin: 12.5, currency: 'USD' }, { priceMin: 'INVALID_TYPE' }],
      [{ ...VASE, priceMin: '12.12345', currency: 'USD' }, { priceMin: 'INVALID_VALUE' }],
      [{ ...VASE, priceMin: '12' }, { currency: 'REQUIRED' }],
      [{ ...VASE, priceMin: '12', currency: 'XYZ' }, { currency: 'INVALID_VALUE' }],
      [{ ...VASE, categoryCode: 'ZZZ' }, { categoryCode: 'INVALID_VALUE' }],
      [{ ...VASE, certifications: ['OCOP_9'] }, { certifications: 'INVALID_VALUE' }],
      [
        { ...VASE, awards: [{ name: 'Prize', year: 2024, kind: 'lottery' }] },
        { 'awards.0.kind': 'INVALID_VALUE' },
      ],
      [{ ...VASE, unit: 'barrel' }, { unit: 'INVALID_VALUE' }],
      [{ ...VASE, heightCm: '0' }, { heightCm: 'TOO_SMALL' }],
      [{ ...VASE, moq: 0 }, { moq: 'TOO_SMALL' }],
      [{ ...VASE, nameVi: '  ' }, { nameVi: 'REQUIRED' }],
      [{ ...VASE, colour: 'red' }, { colour: 'UNKNOWN_FIELD' }],
    ];
    for (const [payload, fields] of cases) {
      const res = await create(owner, payload);
      expect({ payload, status: res.statusCode }).toEqual({ payload, status: 400 });
      expect(json(res)).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields } });
    }
    const product = await createOk(owner);
    const cleared = await t.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      headers: owner.auth,
      payload: { nameEn: null },
    });
    expect(cleared.statusCode).toBe(400);
    expect(json(cleared)).toMatchObject({ details: { fields: { nameEn: 'REQUIRED' } } });
  });

  it('accepts only a workshop and artisan of the product’s own company', async () => {
    const a = await f.member('exhibitor', 'pending');
    const b = await f.member('exhibitor', 'pending');
    const workshop = async (companyId: string) => {
      const [w] = await t.dataSource.query(
        `INSERT INTO workshops (company_id, name, village_code) VALUES ($1, 'Xưởng gốm Minh', 'bat-trang') RETURNING id`,
        [companyId],
      );
      const [art] = await t.dataSource.query(
        `INSERT INTO artisans (company_id, workshop_id, name) VALUES ($1, $2, 'Nghệ nhân Lê Văn Minh') RETURNING id`,
        [companyId, w.id],
      );
      return { workshopId: w.id as string, artisanId: art.id as string };
    };
    const own = await workshop(a.companyId as string);
    const foreign = await workshop(b.companyId as string);

    const ok = await createOk(a, { ...VASE, ...own });
    expect(ok).toMatchObject(own);
    const [row] = await t.dataSource.query(`SELECT search_text FROM products WHERE id = $1`, [ok.id]);
    expect(row.search_text).toContain('nghe nhan le van minh');

    const theirs = await create(a, { ...VASE, workshopId: foreign.workshopId });
    expect(theirs.statusCode).toBe(400);
    expect(json(theirs)).toMatchObject({ details: { fields: { workshopId: 'INVALID_VALUE' } } });
    const theirArtisan = await t.inject({
      method: 'PATCH',
      url: `/api/products/${ok.id}`,
      headers: a.auth,
      payload: { workshopId: null, artisanId: foreign.artisanId },
    });
    expect(theirArtisan.statusCode).toBe(400);
    expect(json(theirArtisan)).toMatchObject({ details: { fields: { artisanId: 'INVALID_VALUE' } } });
  });

  it("refuses exhibitor B on A's product and on A's photos", async () => {
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    const product = await createOk(a);
    const photo = await upload(a, product.id);
    expect(photo.statusCode).toBe(201);
    const fileId = json<Product>(photo).photos[0].fileId;

    const attempts = [
      t.inject({ method: 'GET', url: `/api/products/${product.id}`, headers: b.auth }),
      t.inject({
        method: 'PATCH',
        url: `/api/products/${product.id}`,
        headers: b.auth,
        payload: { nameEn: 'Mine' },
      }),
      t.inject({ method: 'POST', url: `/api/products/${product.id}/publish`, headers: b.auth }),
      t.inject({ method: 'POST', url: `/api/products/${product.id}/unpublish`, headers: b.auth }),
      t.inject({ method: 'DELETE', url: `/api/products/${product.id}`, headers: b.auth }),
      upload(b, product.id),
      t.inject({ method: 'DELETE', url: `/api/products/${product.id}/photos/${fileId}`, headers: b.auth }),
      t.inject({
        method: 'PUT',
        url: `/api/products/${product.id}/photos/order`,
        headers: b.auth,
        payload: { fileIds: [fileId] },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(403);
      expect(json(res).code).toBe('FORBIDDEN');
    }
    // B's list holds none of A's products; a buyer has no product list at all.
    const listB = json<Page<ProductSummary>>(
      await t.inject({ method: 'GET', url: '/api/products', headers: b.auth }),
    );
    expect(listB.total).toBe(0);
    const buyer = await f.member('buyer', 'approved');
    expect((await create(buyer)).statusCode).toBe(403);

    // Nothing changed.
    const still = json<Product>(
      await t.inject({ method: 'GET', url: `/api/products/${product.id}`, headers: a.auth }),
    );
    expect(still).toMatchObject({ nameEn: VASE.nameEn, status: 'draft' });
    expect(still.photos.map((p) => p.fileId)).toEqual([fileId]);
    const [files] = await t.dataSource.query(`SELECT count(*)::int AS n FROM files WHERE company_id = $1`, [
      b.companyId,
    ]);
    expect(files.n).toBe(0);
  });

  it('publishes only for an approved company, and a moderated product only after an edit', async () => {
    const pending = await f.member('exhibitor', 'pending');
    const draft = await createOk(pending);
    const refused = await t.inject({
      method: 'POST',
      url: `/api/products/${draft.id}/publish`,
      headers: pending.auth,
    });
    expect(refused.statusCode).toBe(403);
    expect(json(refused).code).toBe('COMPANY_NOT_APPROVED');

    await t.dataSource.query(`UPDATE companies SET status = 'approved' WHERE id = $1`, [pending.companyId]);
    const published = await t.inject({
      method: 'POST',
      url: `/api/products/${draft.id}/publish`,
      headers: pending.auth,
    });
    expect(published.statusCode).toBe(200);
    expect(json<Product>(published)).toMatchObject({
      status: 'published',
      publishedAt: t.clock.now().toISOString(),
    });

    const back = await t.inject({
      method: 'POST',
      url: `/api/products/${draft.id}/unpublish`,
      headers: pending.auth,
    });
    expect(json<Product>(back)).toMatchObject({ status: 'draft', publishedAt: null });

    // An organizer's unpublish sticks until the owner edits the product.
    await t.dataSource.query(
      `UPDATE products SET status = 'unpublished', moderation_reason = 'Ảnh không đúng sản phẩm' WHERE id = $1`,
      [draft.id],
    );
    const again = await t.inject({
      method: 'POST',
      url: `/api/products/${draft.id}/publish`,
      headers: pending.auth,
    });
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('PRODUCT_MODERATED');
    const edited = await t.inject({
      method: 'PATCH',
      url: `/api/products/${draft.id}`,
      headers: pending.auth,
      payload: { descriptionEn: 'New photos of the real vase.' },
    });
    expect(json<Product>(edited)).toMatchObject({
      status: 'draft',
      moderationReason: 'Ảnh không đúng sản phẩm',
    });
    const finally_ = await t.inject({
      method: 'POST',
      url: `/api/products/${draft.id}/publish`,
      headers: pending.auth,
    });
    expect(json<Product>(finally_)).toMatchObject({ status: 'published', moderationReason: null });

    // A suspended company cannot publish.
    const other = await createOk(pending);
    await t.dataSource.query(`UPDATE companies SET status = 'suspended', status_reason = 'x' WHERE id = $1`, [
      pending.companyId,
    ]);
    const suspended = await t.inject({
      method: 'POST',
      url: `/api/products/${other.id}/publish`,
      headers: pending.auth,
    });
    expect(suspended.statusCode).toBe(403);
  });

  it('keeps at most 8 photos, and deletes and reorders them', async () => {
    const owner = await f.member('exhibitor', 'approved');
    const product = await createOk(owner);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await upload(owner, product.id);
      expect(res.statusCode).toBe(201);
      const photos = json<Product>(res).photos;
      expect(photos).toHaveLength(i + 1);
      ids.push(photos[i].fileId);
    }
    const ninth = await upload(owner, product.id);
    expect(ninth.statusCode).toBe(409);
    expect(json(ninth)).toMatchObject({ code: 'PHOTO_LIMIT', details: { max: 8 } });

    const reversed = [...ids].reverse();
    const reordered = await t.inject({
      method: 'PUT',
      url: `/api/products/${product.id}/photos/order`,
      headers: owner.auth,
      payload: { fileIds: reversed },
    });
    expect(reordered.statusCode).toBe(200);
    expect(json<Product>(reordered).photos.map((p) => [p.fileId, p.position])).toEqual(
      reversed.map((id, i) => [id, i]),
    );
    const partial = await t.inject({
      method: 'PUT',
      url: `/api/products/${product.id}/photos/order`,
      headers: owner.auth,
      payload: { fileIds: reversed.slice(1) },
    });
    expect(partial.statusCode).toBe(400);

    const removed = await t.inject({
      method: 'DELETE',
      url: `/api/products/${product.id}/photos/${reversed[0]}`,
      headers: owner.auth,
    });
    expect(removed.statusCode).toBe(200);
    const left = json<Product>(removed).photos;
    expect(left.map((p) => p.fileId)).toEqual(reversed.slice(1));
    expect(left.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const [file] = await t.dataSource.query(`SELECT count(*)::int AS n FROM files WHERE id = $1`, [
      reversed[0],
    ]);
    expect(file.n).toBe(0);

    // The list shows the cover (first photo) and the count.
    const list = json<Page<ProductSummary>>(
      await t.inject({ method: 'GET', url: '/api/products', headers: owner.auth }),
    );
    expect(list.items[0]).toMatchObject({ photoCount: 7, cover: { fileId: reversed[1] } });

    // A fake image is refused by its bytes.
    const fake = await upload(owner, product.id, Buffer.from('definitely not a png'));
    expect(fake.statusCode).toBeGreaterThanOrEqual(400);
    expect(fake.statusCode).toBeLessThan(500);
    expect(json(fake).code).toBe('UNSUPPORTED_FILE_TYPE');

    // Deleting the product deletes its photo files too.
    await t.inject({ method: 'DELETE', url: `/api/products/${product.id}`, headers: owner.auth });
    const [rest] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM files WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rest.n).toBe(0);
  });
});
