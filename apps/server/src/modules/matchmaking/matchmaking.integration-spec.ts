import type { RecommendationPage, Wish } from '@craftmatch/shared';
import { createTestApp, json, type TestApp } from '../../../test/app';
import { CatalogueFactory } from '../../../test/catalogue-factory';
import { Factory, type TestUser } from '../../../test/factories';
import { buyerAt, exhibitorAt, seedFair, type SeededFair } from '../../../test/fair-fixtures';

describe('matchmaking: wishes and recommendations', () => {
  let t: TestApp;
  let fair: SeededFair;
  let cat: CatalogueFactory;
  let buyer: TestUser;
  let buyer2: TestUser;
  /** exhibitors by role in the story */
  const ex: Record<string, TestUser & { booth: string }> = {};

  const code = (r: { body: string }) => (JSON.parse(r.body) as { code: string }).code;
  const recs = (who: TestUser, query = '') =>
    t.inject({ method: 'GET', url: `/api/fairs/${fair.fairId}/recommendations${query}`, headers: who.auth });
  const wish = (who: TestUser, companyId: string, level: string, fairId = fair.fairId) =>
    t.inject({
      method: 'PUT',
      url: `/api/fairs/${fairId}/wishes/${companyId}`,
      headers: who.auth,
      payload: { level },
    });
  const names = (page: RecommendationPage) => page.items.map((i) => i.companyName);

  /** An exhibitor of ceramics at the fair: profile, certificates and published products. */
  async function ceramist(
    key: string,
    opts: {
      certs?: [string, string | null][];
      languages?: string[];
      markets?: string[];
      price?: string;
    } = {},
  ) {
    const e = await exhibitorAt(t, fair, { name: `Gốm ${key}` });
    ex[key] = e;
    await t.dataSource.query(
      `INSERT INTO exhibitor_profiles (company_id, languages, export_markets, monthly_capacity)
       VALUES ($1, $2, $3, 5000)`,
      [e.companyId, opts.languages ?? ['vi', 'en'], opts.markets ?? ['DE']],
    );
    for (const [type, expires] of opts.certs ?? [['BSCI', '2027-12-31']]) {
      await t.dataSource.query(
        `INSERT INTO company_certifications (company_id, type, expires_on) VALUES ($1, $2, $3)`,
        [e.companyId, type, expires],
      );
    }
    await cat.product(e.companyId!, {
      category: 'CER',
      nameEn: `Vase ${key}`,
      moq: 200,
      priceMin: opts.price ?? '4.00',
      priceMax: opts.price ?? '6.00',
      currency: 'USD',
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    cat = new CatalogueFactory(t);
    fair = await seedFair(t);
    buyer = await buyerAt(t, fair, { name: 'Nordhaus GmbH', countryCode: 'DE' });
    buyer2 = await buyerAt(t, fair, { name: 'Maison Lumière', countryCode: 'FR' });
    for (const [b, country] of [
      [buyer, 'DE'],
      [buyer2, 'FR'],
    ] as const) {
      await t.dataSource.query(
        `INSERT INTO buyer_profiles (company_id, country, annual_import_usd, categories, target_price_min,
                                     target_price_max, target_price_currency, certifications, languages)
         VALUES ($1, $2, 120000, '{CER}', 2, 25, 'EUR', '{BSCI}', '{de,en}')`,
        [b.companyId, country],
      );
    }
    await t.dataSource.query(
      `INSERT INTO fx_rates (currency, effective_date, rate_to_usd) VALUES ('EUR', '2026-11-01', 1.08)`,
    );
    await ceramist('best', { markets: ['DE', 'FR'] });
    await ceramist('good', { markets: ['US'] });
    await ceramist('declinedByBuyer');
    await ceramist('declinesBuyer');
    await ceramist('met');
    await ceramist('booked');
    await ceramist('uncertified', { certs: [['ISO_9001', null]] });
    await ceramist('lapsed', { certs: [['BSCI', '2026-11-26']] });
    await ceramist('silent', { languages: ['vi'], markets: [] });

    // a held meeting and a pending request with the buyer
    for (const [key, status] of [
      ['met', 'held'],
      ['booked', 'requested'],
    ] as const) {
      await t.dataSource.query(
        `INSERT INTO meetings (fair_id, buyer_company_id, exhibitor_company_id, buyer_user_id, exhibitor_user_id,
                               requester_company_id, awaiting_company_id, status, time_range, expires_at)
         VALUES ($1, $2, $3, $4, $5, $2, CASE WHEN $6 = 'requested' THEN $3::uuid END, $6,
                 CASE WHEN $6 = 'held' THEN tstzrange('2026-11-26T01:00Z', '2026-11-26T01:30Z', '[)') END,
                 '2026-12-04T00:00Z')`,
        [fair.fairId, buyer.companyId, ex[key].companyId, buyer.id, ex[key].id, status],
      );
    }
  });
  afterAll(() => t.close());

  describe('wishes', () => {
    it('a buyer sets, changes, lists and clears wishes; mutual only when both sides want to meet', async () => {
      let r = await wish(buyer, ex.best.companyId!, 'would');
      expect([r.statusCode, json<Wish>(r).level, json<Wish>(r).mutual]).toEqual([200, 'would', false]);
      r = await wish(buyer, ex.best.companyId!, 'must');
      expect(json<Wish>(r)).toMatchObject({
        companyId: ex.best.companyId,
        companyName: 'Gốm best',
        companyKind: 'exhibitor',
        level: 'must',
        mutual: false,
      });
      r = await wish(ex.best, buyer.companyId!, 'would');
      expect(json<Wish>(r)).toMatchObject({ companyKind: 'buyer', level: 'would', mutual: true });

      const mine = json<Wish[]>(
        await t.inject({ method: 'GET', url: `/api/fairs/${fair.fairId}/wishes`, headers: buyer.auth }),
      );
      expect(mine).toEqual([
        expect.objectContaining({ companyId: ex.best.companyId, level: 'must', mutual: true }),
      ]);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM fair_wishes WHERE fair_id = $1 AND from_company_id = $2`,
        [fair.fairId, buyer.companyId],
      );
      expect(n).toBe(1);

      // clearing, twice: the second finds nothing and is fine
      for (let i = 0; i < 2; i++) {
        const del = await t.inject({
          method: 'DELETE',
          url: `/api/fairs/${fair.fairId}/wishes/${ex.good.companyId}`,
          headers: buyer.auth,
        });
        expect(del.statusCode).toBe(204);
      }
    });

    it("keeps the other side's no-thanks private: my wish is never shown as mutual, nothing leaks", async () => {
      await wish(ex.declinesBuyer, buyer.companyId!, 'no_thanks');
      const r = await wish(buyer, ex.declinesBuyer.companyId!, 'must');
      expect(r.statusCode).toBe(200);
      expect(json<Wish>(r)).toEqual(expect.objectContaining({ level: 'must', mutual: false }));
      expect(r.body).not.toContain('no_thanks');
      // the exhibitor's own list shows its no-thanks, not the buyer's must
      const theirs = json<Wish[]>(
        await t.inject({
          method: 'GET',
          url: `/api/fairs/${fair.fairId}/wishes`,
          headers: ex.declinesBuyer.auth,
        }),
      );
      expect(theirs).toEqual([expect.objectContaining({ level: 'no_thanks', mutual: false })]);
      await t.inject({
        method: 'DELETE',
        url: `/api/fairs/${fair.fairId}/wishes/${ex.declinesBuyer.companyId}`,
        headers: buyer.auth,
      });
    });

    it('refuses bad wishes with stable codes and writes nothing', async () => {
      const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM fair_wishes`))[0].n;
      // same side, and oneself
      let r = await wish(buyer, buyer2.companyId!, 'must');
      expect([r.statusCode, code(r)]).toEqual([422, 'WISH_SAME_SIDE']);
      r = await wish(buyer, buyer.companyId!, 'must');
      expect([r.statusCode, code(r)]).toEqual([422, 'WISH_SAME_SIDE']);
      r = await wish(ex.good, ex.best.companyId!, 'would');
      expect([r.statusCode, code(r)]).toEqual([422, 'WISH_SAME_SIDE']);
      // an exhibitor without a booth at this fair, and a company that does not exist
      const elsewhere = await new Factory(t).company({ kind: 'exhibitor', status: 'approved' });
      r = await wish(buyer, elsewhere, 'must');
      expect([r.statusCode, code(r)]).toEqual([422, 'WISH_NOT_PARTICIPANT']);
      r = await wish(buyer, '00000000-0000-4000-8000-000000000000', 'must');
      expect([r.statusCode, code(r)]).toEqual([422, 'WISH_NOT_PARTICIPANT']);
      // a level that is not one, a malformed id, an unknown fair
      r = await wish(buyer, ex.good.companyId!, 'maybe');
      expect([r.statusCode, code(r)]).toEqual([400, 'VALIDATION_FAILED']);
      r = await wish(buyer, 'not-a-uuid', 'must');
      expect(r.statusCode).toBe(400);
      r = await wish(buyer, ex.good.companyId!, 'must', '00000000-0000-4000-8000-000000000000');
      expect([r.statusCode, code(r)]).toEqual([404, 'NOT_FOUND']);
      // a closed fair takes no more wishes
      const closed = await seedFair(t, { status: 'closed' });
      await t.dataSource.query(
        `INSERT INTO fair_participants (fair_id, company_id, user_id) VALUES ($1, $2, $3)`,
        [closed.fairId, buyer.companyId, buyer.id],
      );
      r = await wish(buyer, ex.good.companyId!, 'must', closed.fairId);
      expect([r.statusCode, code(r)]).toEqual([409, 'FAIR_NOT_OPEN']);
      const after = (await t.dataSource.query(`SELECT count(*)::int AS n FROM fair_wishes`))[0].n;
      expect(after).toBe(before);
    });

    it('refuses strangers: a company not at the fair, a person without a company, other roles', async () => {
      const f = new Factory(t);
      const strangerCompany = await f.company({ kind: 'buyer', status: 'approved' });
      const stranger = await f.user({ role: 'buyer', companyId: strangerCompany });
      for (const res of [
        await wish(stranger, ex.good.companyId!, 'must'),
        await t.inject({ method: 'GET', url: `/api/fairs/${fair.fairId}/wishes`, headers: stranger.auth }),
        await recs(stranger),
      ]) {
        expect([res.statusCode, code(res)]).toEqual([403, 'NOT_ATTENDING']);
      }
      const loner = await f.user({ role: 'buyer' });
      expect((await recs(loner)).statusCode).toBe(403);
      for (const who of [await f.organizer(), await f.user({ role: 'interpreter' })]) {
        expect((await recs(who)).statusCode).toBe(403);
        expect((await wish(who, ex.good.companyId!, 'must')).statusCode).toBe(403);
      }
      expect(
        (await t.inject({ method: 'GET', url: `/api/fairs/${fair.fairId}/recommendations` })).statusCode,
      ).toBe(401);
    });
  });

  describe('recommendations', () => {
    it('recommends exhibitors to a buyer, best first, with reasons and products; leaves out met, booked, no-thanks both ways and uncertified', async () => {
      await wish(buyer, ex.declinedByBuyer.companyId!, 'no_thanks');
      await wish(ex.declinesBuyer, buyer.companyId!, 'no_thanks');
      await wish(buyer, ex.best.companyId!, 'must');
      await wish(ex.best, buyer.companyId!, 'must');

      const page = json<RecommendationPage>(await recs(buyer));
      expect(page.side).toBe('buyer');
      expect(names(page)).toEqual(['Gốm best', 'Gốm good', 'Gốm silent']);
      expect(page.total).toBe(3);
      expect(page.excludedForCertifications).toBe(2);

      const best = page.items[0];
      expect(best).toMatchObject({ companyKind: 'exhibitor', boothCode: ex.best.booth, myWish: 'must' });
      expect(best.reasons.map((r) => r.code)).toEqual([
        'sameCategories',
        'priceInRange',
        'moqWithinVolume',
        'capacityCoversVolume',
        'certified',
        'speaksLanguage',
        'exportsToCountry',
        'mutualWish',
      ]);
      expect(best.reasons).toContainEqual({
        code: 'moqWithinVolume',
        params: { moq: 200, volume: 2000, unit: 'pcs' },
      });
      expect(best.reasons).toContainEqual({
        code: 'priceInRange',
        params: { count: 1, min: '2.00', max: '25.00', currency: 'EUR' },
      });
      expect(best.products).toEqual([
        expect.objectContaining({ nameEn: 'Vase best', categoryCode: 'CER', moq: 200, priceMin: '4.0000' }),
      ]);
      expect(best.score).toBe(100);
      expect(page.items[2].reasons.map((r) => r.code)).not.toContain('speaksLanguage');

      // pages
      const second = json<RecommendationPage>(await recs(buyer, '?page=2&pageSize=2'));
      expect([names(second), second.total, second.page, second.pageSize]).toEqual([['Gốm silent'], 3, 2, 2]);
    });

    it('recommends buyers to an exhibitor, and leaves out a buyer that said no thanks or that it already met', async () => {
      const forBest = json<RecommendationPage>(await recs(ex.best));
      expect(forBest.side).toBe('exhibitor');
      expect(names(forBest)).toEqual(['Nordhaus GmbH', 'Maison Lumière']);
      expect(forBest.items[0].reasons.map((r) => r.code)).toContain('mutualWish');
      expect(forBest.items[0].reasons).toContainEqual({
        code: 'exportsToCountry',
        params: { country: 'DE' },
      });
      expect(forBest.items[1].reasons).toContainEqual({
        code: 'exportsToCountry',
        params: { country: 'FR' },
      });
      // its own products that fit
      expect(forBest.items[0].products.map((p) => p.nameEn)).toEqual(['Vase best']);

      for (const key of ['declinedByBuyer', 'declinesBuyer', 'met', 'booked']) {
        expect(names(json<RecommendationPage>(await recs(ex[key])))).toEqual(['Maison Lumière']);
      }
      // buyers requiring a certificate it lacks are counted, not shown
      const lapsed = json<RecommendationPage>(await recs(ex.lapsed));
      expect([lapsed.items, lapsed.excludedForCertifications]).toEqual([[], 2]);
    });

    it('only ever shows the caller company its own wishes in recommendations', async () => {
      // buyer2 wishes nothing: no myWish anywhere, though buyer wished "best"
      const page = json<RecommendationPage>(await recs(buyer2));
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((i) => i.myWish === null)).toBe(true);
      expect(page.items.flatMap((i) => i.reasons.map((r) => r.code))).not.toContain('mutualWish');
      // and its wishes list is its own: empty, though the other buyer and exhibitors have wishes
      const wishes = await t.inject({
        method: 'GET',
        url: `/api/fairs/${fair.fairId}/wishes`,
        headers: buyer2.auth,
      });
      expect([wishes.statusCode, json<Wish[]>(wishes)]).toEqual([200, []]);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM fair_wishes WHERE fair_id = $1`,
        [fair.fairId],
      );
      expect(n).toBeGreaterThan(3);
    });
  });
});
