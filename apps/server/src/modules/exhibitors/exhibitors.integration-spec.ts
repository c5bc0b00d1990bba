import type {
  ApiErrorBody,
  Artisan,
  CompanyCertification,
  ExhibitorProfile,
  Workshop,
} from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory, type TestUser } from '../../../test/factories';
import { ExhibitorsService } from './exhibitors.service';

/** A valid 10-digit MST from a 9-digit prefix (REFERENCE.md §5), skipping prefixes with no check digit. */
let seed = 310_123_456;
function taxCode(): string {
  for (;;) {
    const nine = String(seed++).padStart(9, '0');
    const sum = [31, 29, 23, 19, 17, 13, 7, 5, 3].reduce((acc, w, i) => acc + Number(nine[i]) * w, 0);
    const check = 10 - (sum % 11);
    if (check < 10) return `${nine}${check}`;
  }
}

describe('exhibitors: profile, certifications, workshops and artisans', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const put = (user: TestUser, payload: Record<string, unknown>, companyId = user.companyId) =>
    t.inject({ method: 'PUT', url: `/api/exhibitors/${companyId}/profile`, headers: user.auth, payload });
  const get = (user: TestUser, path: string, companyId = user.companyId) =>
    t.inject({ method: 'GET', url: `/api/exhibitors/${companyId}/${path}`, headers: user.auth });

  describe('tax code (MST)', () => {
    it.each([
      ['0100233488', '0100233488'],
      ['0314 409 058', '0314409058'],
      ['0314409058-002', '0314409058002'],
      ['001203004567', '001203004567'],
    ])('accepts %s and stores %s', async (input, stored) => {
      const owner = await f.member('exhibitor');
      const res = await put(owner, { legalName: 'Công ty TNHH Gốm Bát Tràng', taxCode: input });
      expect(res.statusCode).toBe(200);
      expect(json<ExhibitorProfile>(res).taxCode).toBe(stored);
    });

    it.each([
      ['0100233480', 'a wrong check digit'],
      ['0100233487', 'another wrong check digit'],
      ['12345', 'a wrong length'],
      ['0100000000', 'zeros in digits 3–9'],
      ['0314409058-000', 'branch suffix 000'],
      ['0314409050-002', 'a branch of an invalid code'],
      ['01002334A8', 'a letter'],
    ])('refuses %s (%s) with the field error INVALID_TAX_CODE', async (input) => {
      const owner = await f.member('exhibitor');
      const res = await put(owner, { taxCode: input });
      expect(res.statusCode).toBe(400);
      const body = json<ApiErrorBody>(res);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.details?.fields).toEqual({ taxCode: 'INVALID_TAX_CODE' });
      expect(body.details?.messages?.taxCode).toBe('Mã số thuế (MST) không hợp lệ.');
    });

    it('gives a tax code to one company only: 409 with the field error TAX_CODE_TAKEN', async () => {
      const a = await f.member('exhibitor');
      const b = await f.member('exhibitor');
      const code = taxCode();
      expect((await put(a, { taxCode: code })).statusCode).toBe(200);
      const res = await t.inject({
        method: 'PUT',
        url: `/api/exhibitors/${b.companyId}/profile`,
        headers: { ...b.auth, 'accept-language': 'en' },
        payload: { taxCode: code.replace(/^(\d{4})/, '$1 ') },
      });
      expect(res.statusCode).toBe(409);
      const body = json<ApiErrorBody>(res);
      expect(body.code).toBe('ALREADY_EXISTS');
      expect(body.details?.fields).toEqual({ taxCode: 'TAX_CODE_TAKEN' });
      expect(body.details?.messages?.taxCode).toMatch(/already registered/);
      // the same company may save its own code again
      expect((await put(a, { taxCode: code, legalName: 'Renamed' })).statusCode).toBe(200);
    });
  });

  it('creates, reads and replaces a profile; the province defaults to the village', async () => {
    const owner = await f.member('exhibitor');
    const empty = json<ExhibitorProfile>(await get(owner, 'profile'));
    expect(empty).toMatchObject({
      companyId: owner.companyId,
      companyStatus: 'pending',
      updatedAt: null,
      exportMarkets: [],
    });

    const res = await put(owner, {
      legalName: '  Hợp tác xã Gốm sứ Bát Tràng  ',
      taxCode: taxCode(),
      villageCode: 'bat-trang',
      villageOther: 'ignored when a village is chosen',
      yearFounded: 1998,
      employees: 45,
      monthlyCapacity: 12000,
      capacityUnit: 'pcs',
      exportMarkets: ['jp', 'DE', 'US', 'JP'],
      languages: ['vi', 'en', 'ja'],
      descriptionVi: 'Gốm men lam truyền thống.',
      descriptionEn: 'Traditional blue-glaze ceramics.',
      website: 'gombattrang.vn',
      phone: '+84 24 3874 0000',
      address: 'Xóm 3, Bát Tràng, Hà Nội',
    });
    expect(res.statusCode).toBe(200);
    const saved = json<ExhibitorProfile>(res);
    expect(saved).toMatchObject({
      legalName: 'Hợp tác xã Gốm sứ Bát Tràng',
      villageCode: 'bat-trang',
      villageOther: null,
      provinceCode: 'ha-noi',
      yearFounded: 1998,
      exportMarkets: ['JP', 'DE', 'US'],
      languages: ['vi', 'en', 'ja'],
      website: 'https://gombattrang.vn',
    });
    expect(saved.updatedAt).toBe(t.clock.now().toISOString());
    expect(json<ExhibitorProfile>(await get(owner, 'profile'))).toEqual(saved);

    // a full replacement: fields left out are cleared; "other" village keeps its text
    const replaced = json<ExhibitorProfile>(
      await put(owner, {
        legalName: 'HTX Mây tre',
        villageOther: 'Làng Mây Tre Phú Hòa',
        provinceCode: 'hue',
      }),
    );
    expect(replaced).toMatchObject({
      legalName: 'HTX Mây tre',
      taxCode: null,
      villageCode: null,
      villageOther: 'Làng Mây Tre Phú Hòa',
      provinceCode: 'hue',
      exportMarkets: [],
      website: null,
    });
  });

  it('validates the fields: unknown codes, a province that contradicts the village, a future year', async () => {
    const owner = await f.member('exhibitor');
    const bad = json<ApiErrorBody>(
      await put(owner, {
        villageCode: 'atlantis',
        provinceCode: 'paris',
        exportMarkets: ['ZZ'],
        languages: ['klingon'],
        website: 'not a url',
        phone: 'call me',
        employees: -1,
        extra: 1,
      }),
    );
    expect(bad.details?.fields).toMatchObject({
      villageCode: 'INVALID_VALUE',
      provinceCode: 'INVALID_VALUE',
      exportMarkets: 'INVALID_VALUE',
      languages: 'INVALID_VALUE',
      website: 'INVALID_VALUE',
      phone: 'INVALID_VALUE',
      employees: 'TOO_SMALL',
      extra: 'UNKNOWN_FIELD',
    });
    const mismatch = json<ApiErrorBody>(await put(owner, { villageCode: 'bat-trang', provinceCode: 'hue' }));
    expect(mismatch.details?.fields).toEqual({ provinceCode: 'INVALID_VALUE' });
    const future = json<ApiErrorBody>(await put(owner, { yearFounded: 2099 }));
    expect(future.details?.fields).toEqual({ yearFounded: 'TOO_LARGE' });
  });

  it('lets organizers read but not edit; buyer companies have no exhibitor profile', async () => {
    const owner = await f.member('exhibitor');
    await put(owner, { legalName: 'Làng lụa Vạn Phúc', villageCode: 'van-phuc' });
    const organizer = await f.organizer();
    const read = await get(organizer, 'profile', owner.companyId);
    expect(read.statusCode).toBe(200);
    expect(json<ExhibitorProfile>(read).legalName).toBe('Làng lụa Vạn Phúc');
    expect((await put(organizer, { legalName: 'x' }, owner.companyId)).statusCode).toBe(403);

    const buyer = await f.member('buyer');
    expect((await get(buyer, 'profile')).statusCode).toBe(404);
    expect((await put(buyer, { legalName: 'Importer GmbH' })).statusCode).toBe(404);
    const anonymous = await t.inject({ method: 'GET', url: `/api/exhibitors/${owner.companyId}/profile` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses exhibitor B on A’s profile, certifications, workshops and artisans (403)', async () => {
    const a = await f.member('exhibitor', 'approved');
    const b = await f.member('exhibitor', 'approved');
    const cert = json<CompanyCertification>(
      await t.inject({
        method: 'POST',
        url: `/api/exhibitors/${a.companyId}/certifications`,
        headers: a.auth,
        payload: { type: 'OCOP_4' },
      }),
    );
    const workshop = json<Workshop>(
      await t.inject({
        method: 'POST',
        url: `/api/exhibitors/${a.companyId}/workshops`,
        headers: a.auth,
        payload: { name: 'Lò gốm Ông Hùng', villageCode: 'bat-trang' },
      }),
    );
    const artisan = json<Artisan>(
      await t.inject({
        method: 'POST',
        url: `/api/exhibitors/${a.companyId}/workshops/${workshop.id}/artisans`,
        headers: a.auth,
        payload: { name: 'Nguyễn Văn Hùng' },
      }),
    );
    const base = `/api/exhibitors/${a.companyId}`;
    const attempts: [string, string, Record<string, unknown>?][] = [
      ['GET', `${base}/profile`],
      ['PUT', `${base}/profile`, { legalName: 'stolen' }],
      ['DELETE', `${base}/logo`],
      ['GET', `${base}/certifications`],
      ['POST', `${base}/certifications`, { type: 'BSCI' }],
      ['PUT', `${base}/certifications/${cert.id}`, { type: 'BSCI' }],
      ['DELETE', `${base}/certifications/${cert.id}`],
      ['DELETE', `${base}/certifications/${cert.id}/document`],
      ['GET', `${base}/workshops`],
      ['POST', `${base}/workshops`, { name: 'x' }],
      ['PUT', `${base}/workshops/${workshop.id}`, { name: 'x' }],
      ['DELETE', `${base}/workshops/${workshop.id}`],
      ['POST', `${base}/workshops/${workshop.id}/artisans`, { name: 'x' }],
      ['PUT', `${base}/workshops/${workshop.id}/artisans/${artisan.id}`, { name: 'x' }],
      ['DELETE', `${base}/workshops/${workshop.id}/artisans/${artisan.id}`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await t.inject({ method: method as 'GET', url, headers: b.auth, payload });
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
    }
    // B cannot reach A's rows through B's own company either
    const own = `/api/exhibitors/${b.companyId}`;
    expect(
      (
        await t.inject({
          method: 'PUT',
          url: `${own}/certifications/${cert.id}`,
          headers: b.auth,
          payload: { type: 'BSCI' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.inject({ method: 'DELETE', url: `${own}/workshops/${workshop.id}`, headers: b.auth }))
        .statusCode,
    ).toBe(404);
    // nothing changed
    const after = json<ExhibitorProfile>(await get(a, 'profile'));
    expect(after.certifications.map((c) => c.type)).toEqual(['OCOP_4']);
    expect(after.workshops[0].artisans.map((x) => x.name)).toEqual(['Nguyễn Văn Hùng']);
  });

  it('manages certifications with expiry dates', async () => {
    const owner = await f.member('exhibitor');
    const url = `/api/exhibitors/${owner.companyId}/certifications`;
    const created = await t.inject({
      method: 'POST',
      url,
      headers: owner.auth,
      payload: { type: 'FSC_COC', number: 'FSC-C012345', issuer: 'SGS', expiresOn: '2027-06-30' },
    });
    expect(created.statusCode).toBe(201);
    const cert = json<CompanyCertification>(created);
    expect(cert).toMatchObject({ type: 'FSC_COC', expiresOn: '2027-06-30', document: null });
    const invalid = json<ApiErrorBody>(
      await t.inject({
        method: 'POST',
        url,
        headers: owner.auth,
        payload: { type: 'NOPE', expiresOn: '2027-02-30' },
      }),
    );
    expect(invalid.details?.fields).toMatchObject({ type: 'INVALID_VALUE', expiresOn: 'INVALID_VALUE' });

    const updated = await t.inject({
      method: 'PUT',
      url: `${url}/${cert.id}`,
      headers: owner.auth,
      payload: { type: 'FSC_COC', number: 'FSC-C012345', expiresOn: '2028-01-31' },
    });
    expect(json<CompanyCertification>(updated)).toMatchObject({ expiresOn: '2028-01-31', issuer: null });
    const list = json<CompanyCertification[]>(await t.inject({ method: 'GET', url, headers: owner.auth }));
    expect(list).toHaveLength(1);
    expect(
      (await t.inject({ method: 'DELETE', url: `${url}/${cert.id}`, headers: owner.auth })).statusCode,
    ).toBe(204);
    expect(json<CompanyCertification[]>(await t.inject({ method: 'GET', url, headers: owner.auth }))).toEqual(
      [],
    );
  });

  it('manages workshops and their artisans', async () => {
    const owner = await f.member('exhibitor');
    const url = `/api/exhibitors/${owner.companyId}/workshops`;
    const created = json<Workshop>(
      await t.inject({
        method: 'POST',
        url,
        headers: owner.auth,
        payload: { name: 'Tổ mây tre Phú Vinh', villageCode: 'phu-vinh' },
      }),
    );
    expect(created).toMatchObject({ provinceCode: 'ha-noi', artisans: [] });
    const other = json<Workshop>(
      await t.inject({
        method: 'POST',
        url,
        headers: owner.auth,
        payload: {
          name: 'Hộ Bà Lan',
          villageOther: 'Thôn Đông',
          provinceCode: 'hung-yen',
          description: 'Đan cói',
        },
      }),
    );
    expect(other).toMatchObject({ villageCode: null, villageOther: 'Thôn Đông', provinceCode: 'hung-yen' });

    const artisanUrl = `${url}/${created.id}/artisans`;
    const artisan = json<Artisan>(
      await t.inject({
        method: 'POST',
        url: artisanUrl,
        headers: owner.auth,
        payload: { name: 'Lê Thị Mai', title: 'Nghệ nhân ưu tú' },
      }),
    );
    expect(artisan).toMatchObject({ workshopId: created.id, title: 'Nghệ nhân ưu tú', bio: null });
    const renamed = json<Artisan>(
      await t.inject({
        method: 'PUT',
        url: `${artisanUrl}/${artisan.id}`,
        headers: owner.auth,
        payload: { name: 'Lê Thị Mai', title: 'Nghệ nhân nhân dân', bio: 'Ba mươi năm đan mây.' },
      }),
    );
    expect(renamed.title).toBe('Nghệ nhân nhân dân');
    // an artisan is addressed under its own workshop only
    const wrongWorkshop = await t.inject({
      method: 'PUT',
      url: `${url}/${other.id}/artisans/${artisan.id}`,
      headers: owner.auth,
      payload: { name: 'x' },
    });
    expect(wrongWorkshop.statusCode).toBe(404);

    const updated = json<Workshop>(
      await t.inject({
        method: 'PUT',
        url: `${url}/${created.id}`,
        headers: owner.auth,
        payload: { name: 'Tổ mây tre số 1', villageCode: 'phu-vinh' },
      }),
    );
    expect(updated).toMatchObject({ name: 'Tổ mây tre số 1', artisans: [{ id: artisan.id }] });
    expect(
      json<Workshop[]>(await t.inject({ method: 'GET', url, headers: owner.auth })).map((w) => w.name),
    ).toEqual(['Tổ mây tre số 1', 'Hộ Bà Lan']);

    expect(
      (await t.inject({ method: 'DELETE', url: `${artisanUrl}/${artisan.id}`, headers: owner.auth }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.inject({ method: 'DELETE', url: `${url}/${created.id}`, headers: owner.auth })).statusCode,
    ).toBe(204);
    expect(json<Workshop[]>(await t.inject({ method: 'GET', url, headers: owner.auth }))).toHaveLength(1);
    const missingName = json<ApiErrorBody>(
      await t.inject({ method: 'POST', url, headers: owner.auth, payload: { name: '  ' } }),
    );
    expect(missingName.details?.fields).toEqual({ name: 'REQUIRED' });
  });

  it('refreshes the search text of the company’s products when the maker’s facts change, and keeps a used workshop', async () => {
    const owner = await f.member('exhibitor');
    const workshop = json<Workshop>(
      await t.inject({
        method: 'POST',
        url: `/api/exhibitors/${owner.companyId}/workshops`,
        headers: owner.auth,
        payload: { name: 'Lò Gốm Cổ', villageCode: 'bat-trang' },
      }),
    );
    const [product] = await t.dataSource.query(
      `INSERT INTO products (company_id, slug, name_vi, name_en, category_code, workshop_id)
       VALUES ($1, $2, 'Bình hoa', 'Vase', 'CER', $3) RETURNING id`,
      [owner.companyId, `binh-hoa-${Date.now()}`, workshop.id],
    );
    await put(owner, { legalName: 'Công ty Gốm Đẹp', villageCode: 'chu-dau' });
    const searchText = async () =>
      (await t.dataSource.query(`SELECT search_text FROM products WHERE id = $1`, [product.id]))[0]
        .search_text as string;
    expect(await searchText()).toContain('cong ty gom dep');
    expect(await searchText()).toContain('chu dau');

    await t.inject({
      method: 'PUT',
      url: `/api/exhibitors/${owner.companyId}/workshops/${workshop.id}`,
      headers: owner.auth,
      payload: { name: 'Lò Gốm Mới', villageCode: 'phu-lang' },
    });
    expect(await searchText()).toContain('lo gom moi');
    expect(await searchText()).toContain('phu lang');

    const removal = await t.inject({
      method: 'DELETE',
      url: `/api/exhibitors/${owner.companyId}/workshops/${workshop.id}`,
      headers: owner.auth,
    });
    expect(removal.statusCode).toBe(409);
    expect(json(removal).code).toBe('IN_USE');
  });

  it('offers the public part of an approved exhibitor’s profile to other modules', async () => {
    const approved = await f.member('exhibitor', 'approved');
    await put(approved, {
      legalName: 'Lụa Vạn Phúc',
      taxCode: taxCode(),
      phone: '0912345678',
      villageCode: 'van-phuc',
    });
    await t.inject({
      method: 'POST',
      url: `/api/exhibitors/${approved.companyId}/certifications`,
      headers: approved.auth,
      payload: { type: 'OCOP_5', number: 'OCOP-2025-01' },
    });
    const service = t.app.get(ExhibitorsService);
    const profile = await service.publicProfile(approved.companyId as string);
    expect(profile).toMatchObject({
      villageCode: 'van-phuc',
      provinceCode: 'ha-noi',
      certifications: [{ type: 'OCOP_5' }],
    });
    expect(profile).not.toHaveProperty('taxCode');
    expect(profile).not.toHaveProperty('phone');
    expect(profile?.certifications[0]).not.toHaveProperty('document');

    const pending = await f.member('exhibitor', 'pending');
    expect(await service.publicProfile(pending.companyId as string)).toBeNull();
    const buyer = await f.member('buyer', 'approved');
    expect(await service.publicProfile(buyer.companyId as string)).toBeNull();
  });
});
