import type { ApiErrorBody, BuyerProfile } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { Factory } from '../../../test/factories';

const URL_ME = '/api/companies/me/buyer-profile';
const code = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).code;
const fields = (res: { body: string }) => (JSON.parse(res.body) as ApiErrorBody).details?.fields;

describe('buyer profiles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('starts empty and is saved field by field, decimals as strings', async () => {
    const buyer = await new Factory(t).member('buyer', 'pending');
    const empty = await t.inject({ method: 'GET', url: URL_ME, headers: buyer.auth });
    expect(empty.statusCode).toBe(200);
    expect(json<BuyerProfile>(empty)).toMatchObject({
      companyId: buyer.companyId,
      country: null,
      categories: [],
    });
    expect(json<BuyerProfile>(empty).updatedAt).toBeNull();

    const put = await t.inject({
      method: 'PUT',
      url: URL_ME,
      headers: buyer.auth,
      payload: {
        country: 'de',
        website: 'importer.de',
        annualImportUsd: '2500000.5',
        categories: ['cer', 'BAS', 'BAS'],
        targetPriceMin: '4.50',
        targetPriceMax: '12',
        targetPriceCurrency: 'eur',
        incoterms: ['FOB', 'cif'],
        certifications: ['FSC_COC', 'BSCI'],
        languages: ['DE', 'en'],
      },
    });
    expect(put.statusCode).toBe(200);
    const saved = json<BuyerProfile>(put);
    expect(saved).toMatchObject({
      country: 'DE',
      website: 'https://importer.de',
      annualImportUsd: '2500000.50',
      categories: ['CER', 'BAS'],
      targetPriceMin: '4.50',
      targetPriceMax: '12.00',
      targetPriceCurrency: 'EUR',
      incoterms: ['FOB', 'CIF'],
      certifications: ['FSC_COC', 'BSCI'],
      languages: ['de', 'en'],
    });
    expect(saved.updatedAt).not.toBeNull();

    // a missing field keeps its value, null clears it
    const partial = await t.inject({
      method: 'PUT',
      url: URL_ME,
      headers: buyer.auth,
      payload: { website: null, languages: ['fr'] },
    });
    expect(json<BuyerProfile>(partial)).toMatchObject({ country: 'DE', website: null, languages: ['fr'] });
  });

  it('refuses bad input with field codes and writes nothing', async () => {
    const buyer = await new Factory(t).member('buyer', 'approved');
    const bad = async (payload: Record<string, unknown>) => {
      const res = await t.inject({ method: 'PUT', url: URL_ME, headers: buyer.auth, payload });
      expect(res.statusCode).toBe(400);
      expect(code(res)).toBe('VALIDATION_FAILED');
      return fields(res);
    };
    expect(await bad({ country: 'XX' })).toEqual({ country: 'INVALID_VALUE' });
    expect(await bad({ annualImportUsd: 2500000 })).toEqual({ annualImportUsd: 'INVALID_TYPE' });
    expect(await bad({ annualImportUsd: '-5' })).toEqual({ annualImportUsd: 'INVALID_VALUE' });
    expect(await bad({ categories: ['CER', 'NOPE'] })).toEqual({ categories: 'INVALID_VALUE' });
    expect(await bad({ incoterms: ['FOB', 'XYZ'] })).toEqual({ incoterms: 'INVALID_VALUE' });
    expect(await bad({ certifications: ['ISO_0'] })).toEqual({ certifications: 'INVALID_VALUE' });
    expect(await bad({ languages: ['xx'] })).toEqual({ languages: 'INVALID_VALUE' });
    expect(await bad({ targetPriceCurrency: 'ABC' })).toEqual({ targetPriceCurrency: 'INVALID_VALUE' });
    expect(await bad({ website: 'not a url' })).toEqual({ website: 'INVALID_VALUE' });
    expect(await bad({ targetPriceMin: '5' })).toEqual({ targetPriceCurrency: 'REQUIRED' });
    expect(
      await bad({ targetPriceMin: '12.5', targetPriceMax: '12.49', targetPriceCurrency: 'USD' }),
    ).toEqual({ targetPriceMax: 'TOO_SMALL' });
    expect(await bad({ companyId: buyer.companyId })).toEqual({ companyId: 'UNKNOWN_FIELD' });

    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM buyer_profiles WHERE company_id = $1`,
      [buyer.companyId],
    );
    expect(row.n).toBe(0);
    const msg = await t.inject({
      method: 'PUT',
      url: URL_ME,
      headers: { ...buyer.auth, 'accept-language': 'vi' },
      payload: { country: 'XX' },
    });
    expect((JSON.parse(msg.body) as ApiErrorBody).message).toMatch(/\S/);
  });

  it('is read by the organizer and approved exhibitors, never by another buyer', async () => {
    const f = new Factory(t);
    const buyer = await f.member('buyer', 'approved');
    await t.inject({ method: 'PUT', url: URL_ME, headers: buyer.auth, payload: { country: 'JP' } });
    const url = `/api/companies/${buyer.companyId}/buyer-profile`;

    const organizer = await f.organizer();
    const byOrganizer = await t.inject({ method: 'GET', url, headers: organizer.auth });
    expect(byOrganizer.statusCode).toBe(200);
    expect(json<BuyerProfile>(byOrganizer).country).toBe('JP');

    const exhibitor = await f.member('exhibitor', 'approved');
    const byExhibitor = await t.inject({ method: 'GET', url, headers: exhibitor.auth });
    expect(byExhibitor.statusCode).toBe(200);
    expect(json<BuyerProfile>(byExhibitor).country).toBe('JP');
    // read-only for exhibitors
    const write = await t.inject({
      method: 'PUT',
      url: URL_ME,
      headers: exhibitor.auth,
      payload: { country: 'VN' },
    });
    expect(write.statusCode).toBe(403);

    const pendingExhibitor = await f.member('exhibitor', 'pending');
    expect((await t.inject({ method: 'GET', url, headers: pendingExhibitor.auth })).statusCode).toBe(403);

    const otherBuyer = await f.member('buyer', 'approved');
    const byOther = await t.inject({ method: 'GET', url, headers: otherBuyer.auth });
    expect(byOther.statusCode).toBe(403);
    expect(code(byOther)).toBe('FORBIDDEN');

    // an exhibitor company is no buyer profile; a pending buyer is hidden from exhibitors
    const notBuyer = await t.inject({
      method: 'GET',
      url: `/api/companies/${exhibitor.companyId}/buyer-profile`,
      headers: organizer.auth,
    });
    expect(notBuyer.statusCode).toBe(404);
    const pendingBuyer = await f.member('buyer', 'pending');
    const hidden = await t.inject({
      method: 'GET',
      url: `/api/companies/${pendingBuyer.companyId}/buyer-profile`,
      headers: exhibitor.auth,
    });
    expect(hidden.statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
