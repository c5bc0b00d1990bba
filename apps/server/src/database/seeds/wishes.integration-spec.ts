import { createTestApp, type TestApp } from '../../../test/app';
import { Factory } from '../../../test/factories';
import { seedCatalogue } from './catalogue';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedMeetings } from './meetings';
import { seedWishes } from './wishes';

describe('seedWishes', () => {
  let t: TestApp;
  let fairId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    for (const a of DEMO_ACCOUNTS) {
      const companyId = a.company
        ? await f.company({ kind: a.company.kind, name: a.company.name, status: 'approved' })
        : undefined;
      await f.user({ role: a.role, companyId, email: a.email, fullName: a.fullName });
    }
    await seedCatalogue(t.dataSource, { exhibitors: 30, products: 120, images: false, now: t.clock.now() });
    await seedMeetings(t.dataSource, { now: t.clock.now() });
    [{ id: fairId }] = await t.dataSource.query(`SELECT id FROM fairs WHERE status = 'live'`);
  });
  afterAll(() => t.close());

  it('gives every demo buyer 6–12 wishes in its categories, some mutual, some no-thanks, once and deterministically', async () => {
    const result = await seedWishes(t.dataSource);
    expect(result).toMatchObject({ seeded: true, buyers: 6 });

    const perBuyer: { company: string; wished: number; no_thanks: number }[] = await t.dataSource.query(
      `SELECT w.from_company_id AS company,
              count(*) FILTER (WHERE w.level <> 'no_thanks')::int AS wished,
              count(*) FILTER (WHERE w.level = 'no_thanks')::int AS no_thanks
         FROM fair_wishes w JOIN companies c ON c.id = w.from_company_id AND c.kind = 'buyer'
        WHERE w.fair_id = $1 GROUP BY 1`,
      [fairId],
    );
    expect(perBuyer).toHaveLength(6);
    for (const b of perBuyer) {
      expect(b.wished).toBeGreaterThanOrEqual(6);
      expect(b.wished).toBeLessThanOrEqual(12);
      expect(b.no_thanks).toBeGreaterThanOrEqual(1);
    }

    // a buyer's must/would wishes are exhibitors with products in its categories, all with approved booths
    const [{ off }] = await t.dataSource.query(
      `SELECT count(*)::int AS off FROM fair_wishes w
         JOIN buyer_profiles bp ON bp.company_id = w.from_company_id
        WHERE w.fair_id = $1 AND w.level <> 'no_thanks'
          AND (NOT EXISTS (SELECT 1 FROM products p WHERE p.company_id = w.to_company_id
                            AND p.status = 'published' AND p.category_code = ANY(bp.categories))
               OR NOT EXISTS (SELECT 1 FROM booths b WHERE b.fair_id = w.fair_id
                               AND b.company_id = w.to_company_id AND b.status = 'approved'))`,
      [fairId],
    );
    expect(off).toBe(0);

    const [{ mutual, exhibitorNo }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE a.level <> 'no_thanks' AND b.level <> 'no_thanks')::int AS mutual,
              count(*) FILTER (WHERE b.level = 'no_thanks')::int AS "exhibitorNo"
         FROM fair_wishes a
         JOIN fair_wishes b ON b.fair_id = a.fair_id AND b.from_company_id = a.to_company_id
                           AND b.to_company_id = a.from_company_id
         JOIN companies c ON c.id = a.from_company_id AND c.kind = 'buyer'
        WHERE a.fair_id = $1`,
      [fairId],
    );
    expect(mutual).toBeGreaterThanOrEqual(12);
    expect(exhibitorNo).toBeGreaterThanOrEqual(1);

    const snapshot = async () =>
      t.dataSource.query(
        `SELECT from_company_id, to_company_id, level FROM fair_wishes WHERE fair_id = $1 ORDER BY 1, 2`,
        [fairId],
      );
    const before = await snapshot();
    expect(await seedWishes(t.dataSource)).toMatchObject({ seeded: false });
    expect(await snapshot()).toEqual(before);
  });
});
