import { CATEGORIES, PROVINCES, VILLAGES, type ReferenceData } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';

describe('reference: one public, cacheable document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves every list to signed-out callers, with villages carrying their province', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/reference' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const data = json<ReferenceData>(res);
    expect(data.categories).toHaveLength(CATEGORIES.length);
    expect(data.provinces).toHaveLength(34);
    expect(data.legacyProvinces).toHaveLength(63);
    expect(data.villages).toHaveLength(VILLAGES.length);
    expect(data.villages.find((v) => v.code === 'chu-dau')).toMatchObject({
      nameVi: 'Chu Đậu',
      provinceCode: 'hai-phong',
      provinceNameVi: PROVINCES.find((p) => p.code === 'hai-phong')?.nameVi,
    });
    expect(data.currencies.find((c) => c.code === 'VND')?.digits).toBe(0);
    expect(data.currencies.find((c) => c.code === 'KWD')?.digits).toBe(3);
    expect(data.countries.find((c) => c.code === 'DE')).toMatchObject({ nameEn: 'Germany', nameVi: 'Đức' });
    expect(data.incoterms).toContain('FOB');
    expect(data.paymentTerms).toContain('LC_AT_SIGHT');
    expect(data.certifications.map((c) => c.code)).toEqual(
      expect.arrayContaining(['OCOP_5', 'FSC_COC', 'BSCI']),
    );
  });

  it('answers a revalidation with 304 Not Modified', async () => {
    const first = await t.inject({ method: 'GET', url: '/api/reference' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await t.inject({
      method: 'GET',
      url: '/api/reference',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});
