import { MATCH_REASON_CODES } from '@craftmatch/shared';
import {
  missingCertifications,
  scorePair,
  toUsd,
  type BuyerFacts,
  type ExhibitorFacts,
  type MatchContext,
  type ProductFacts,
} from './scoring';

const product = (over: Partial<ProductFacts> = {}): ProductFacts => ({
  id: 'p1',
  categoryCode: 'CER',
  priceMin: '4.0000',
  priceMax: '6.0000',
  currency: 'USD',
  moq: 200,
  unit: 'pcs',
  ...over,
});

/** A German importer of ceramics and baskets: 2–25 EUR, 120 000 USD a year (10 000 a month). */
const buyer = (over: Partial<BuyerFacts> = {}): BuyerFacts => ({
  companyId: 'b1',
  country: 'DE',
  categories: ['CER', 'BAS'],
  targetPriceMin: '2.00',
  targetPriceMax: '25.00',
  targetPriceCurrency: 'EUR',
  annualImportUsd: '120000.00',
  certifications: ['BSCI'],
  languages: ['de', 'en'],
  ...over,
});

const exhibitor = (over: Partial<ExhibitorFacts> = {}): ExhibitorFacts => ({
  companyId: 'e1',
  languages: ['vi', 'en'],
  exportMarkets: ['DE', 'US'],
  monthlyCapacity: 5000,
  certifications: [{ type: 'BSCI', expiresOn: '2027-06-30' }],
  products: [product()],
  ...over,
});

const ctx = (over: Partial<MatchContext> = {}): MatchContext => ({
  today: '2026-11-27',
  ratesToUsd: { EUR: '1.08000000', VND: '0.00003937' },
  interpreterLanguages: ['ja', 'ko'],
  buyerWish: null,
  exhibitorWish: null,
  ...over,
});

const codes = (r: ReturnType<typeof scorePair>) => (r.eligible ? r.reasons.map((x) => x.code) : []);

describe('matchmaking scoring', () => {
  it('explains a strong match with every reason and its params', () => {
    const r = scorePair(buyer(), exhibitor(), ctx({ buyerWish: 'must', exhibitorWish: 'must' }));
    expect(r.eligible).toBe(true);
    if (!r.eligible) return;
    // 10 000 USD a month at 5 USD a piece: 2000 pieces
    expect(r.reasons).toEqual([
      { code: 'sameCategories', params: { categories: ['CER'] } },
      { code: 'priceInRange', params: { count: 1, min: '2.00', max: '25.00', currency: 'EUR' } },
      { code: 'moqWithinVolume', params: { moq: 200, volume: 2000, unit: 'pcs' } },
      { code: 'capacityCoversVolume', params: { capacity: 5000, volume: 2000, unit: 'pcs' } },
      { code: 'certified', params: { certifications: ['BSCI'] } },
      { code: 'speaksLanguage', params: { languages: ['en'] } },
      { code: 'exportsToCountry', params: { country: 'DE' } },
      { code: 'mutualWish', params: {} },
    ]);
    // 15 + 10 × 1/2 categories, 15 price, 10 MOQ, 10 capacity, 10 certified, 10 language, 10 exports, 10 mutual
    expect(r.score).toBe(95);
    expect(r.productIds).toEqual(['p1']);
    // every reason code the scorer emits is a declared one
    for (const c of codes(r)) expect(MATCH_REASON_CODES).toContain(c);
  });

  describe('certifications are a hard filter', () => {
    it('excludes an exhibitor missing a required certification, whatever else fits', () => {
      const r = scorePair(
        buyer({ certifications: ['BSCI', 'FSC_COC'] }),
        exhibitor(),
        ctx({ buyerWish: 'must', exhibitorWish: 'must' }),
      );
      expect(r).toEqual({ eligible: false, excludedBy: 'certifications', missing: ['FSC_COC'] });
    });

    it('excludes an exhibitor whose certificate has expired, and accepts one expiring today or never', () => {
      expect(
        scorePair(buyer(), exhibitor({ certifications: [{ type: 'BSCI', expiresOn: '2026-11-26' }] }), ctx()),
      ).toEqual({ eligible: false, excludedBy: 'certifications', missing: ['BSCI'] });
      expect(
        scorePair(buyer(), exhibitor({ certifications: [{ type: 'BSCI', expiresOn: '2026-11-27' }] }), ctx())
          .eligible,
      ).toBe(true);
      expect(
        scorePair(buyer(), exhibitor({ certifications: [{ type: 'BSCI', expiresOn: null }] }), ctx())
          .eligible,
      ).toBe(true);
    });

    it('a lapsed certificate does not count even when a valid one of another type is held', () => {
      expect(
        missingCertifications(
          ['BSCI', 'ISO_9001'],
          [
            { type: 'BSCI', expiresOn: '2025-01-01' },
            { type: 'ISO_9001', expiresOn: '2028-01-01' },
          ],
          '2026-11-27',
        ),
      ).toEqual(['BSCI']);
      // a renewed certificate next to the lapsed one counts
      expect(
        missingCertifications(
          ['BSCI'],
          [
            { type: 'BSCI', expiresOn: '2025-01-01' },
            { type: 'BSCI', expiresOn: '2027-01-01' },
          ],
          '2026-11-27',
        ),
      ).toEqual([]);
    });

    it('a buyer requiring nothing filters nobody and gives no certification points', () => {
      const r = scorePair(buyer({ certifications: [] }), exhibitor({ certifications: [] }), ctx());
      expect(r.eligible).toBe(true);
      expect(codes(r)).not.toContain('certified');
    });
  });

  it('excludes a pair when either side said no thanks, even with a must from the other', () => {
    expect(scorePair(buyer(), exhibitor(), ctx({ buyerWish: 'no_thanks', exhibitorWish: 'must' }))).toEqual({
      eligible: false,
      excludedBy: 'noThanks',
    });
    expect(scorePair(buyer(), exhibitor(), ctx({ buyerWish: 'must', exhibitorWish: 'no_thanks' }))).toEqual({
      eligible: false,
      excludedBy: 'noThanks',
    });
  });

  it('mutual wish points by levels; a one-sided wish is no reason', () => {
    const score = (b: MatchContext['buyerWish'], e: MatchContext['exhibitorWish']) => {
      const r = scorePair(buyer(), exhibitor(), ctx({ buyerWish: b, exhibitorWish: e }));
      return r.eligible ? r.score : -1;
    };
    const base = score(null, null);
    expect(score('must', 'must') - base).toBe(10);
    expect(score('would', 'must') - base).toBe(7);
    expect(score('must', 'would') - base).toBe(7);
    expect(score('would', 'would') - base).toBe(5);
    expect(score('must', null)).toBe(base);
    expect(codes(scorePair(buyer(), exhibitor(), ctx({ buyerWish: 'must' })))).not.toContain('mutualWish');
  });

  it('compares prices in USD at the organizer rates, exactly', () => {
    expect(toUsd('100000', 'VND', ctx().ratesToUsd)!.toFixed()).toBe('3.937');
    expect(toUsd('10', 'USD', {})!.toFixed()).toBe('10');
    expect(toUsd('10', 'JPY', ctx().ratesToUsd)).toBeNull();
    // 120 000–150 000 VND = 4.72–5.91 USD, inside 2–25 EUR (2.16–27 USD)
    const vnd = product({ id: 'vnd', priceMin: '120000', priceMax: '150000', currency: 'VND' });
    // 30–40 USD: above 27 USD
    const dear = product({ id: 'dear', priceMin: '30', priceMax: '40' });
    // no rate for JPY: left out of the price share
    const yen = product({ id: 'yen', priceMin: '500', priceMax: '700', currency: 'JPY' });
    const r = scorePair(buyer(), exhibitor({ products: [dear, vnd, yen] }), ctx());
    expect(r.eligible && r.reasons.find((x) => x.code === 'priceInRange')).toEqual({
      code: 'priceInRange',
      params: { count: 1, min: '2.00', max: '25.00', currency: 'EUR' },
    });
    // best products: the one in range first
    expect(r.eligible && r.productIds[0]).toBe('vnd');
    // a range touching the target's edge meets it: 27 USD = 25 EUR
    const edge = product({ id: 'edge', priceMin: '27', priceMax: '30' });
    expect(codes(scorePair(buyer(), exhibitor({ products: [edge] }), ctx()))).toContain('priceInRange');
    expect(codes(scorePair(buyer(), exhibitor({ products: [dear] }), ctx()))).not.toContain('priceInRange');
  });

  it('MOQ above the volume, and capacity short of it, earn no reason (capacity in proportion)', () => {
    // 10 000 USD a month at 50 USD: 200 pieces; MOQ 500 is too many; 100 a month covers half
    const p = product({ priceMin: '50', priceMax: '50', moq: 500 });
    const full = scorePair(
      buyer({ targetPriceMax: null }),
      exhibitor({ products: [p], monthlyCapacity: 200 }),
      ctx(),
    );
    const half = scorePair(
      buyer({ targetPriceMax: null }),
      exhibitor({ products: [p], monthlyCapacity: 100 }),
      ctx(),
    );
    expect(codes(full)).not.toContain('moqWithinVolume');
    expect(codes(full)).toContain('capacityCoversVolume');
    expect(codes(half)).not.toContain('capacityCoversVolume');
    expect(full.eligible && half.eligible && full.score - half.score).toBe(5);
    // no import volume: neither MOQ nor capacity can be judged
    const none = scorePair(buyer({ annualImportUsd: null }), exhibitor(), ctx());
    expect(codes(none)).not.toContain('moqWithinVolume');
    expect(codes(none)).not.toContain('capacityCoversVolume');
  });

  it('an interpreter at the fair stands in for a shared language', () => {
    const jp = buyer({ languages: ['ja'], country: 'JP' });
    const r = scorePair(jp, exhibitor({ languages: ['vi'] }), ctx());
    expect(r.eligible && r.reasons.find((x) => x.code === 'interpreterAvailable')).toEqual({
      code: 'interpreterAvailable',
      params: { languages: ['ja'] },
    });
    expect(codes(r)).not.toContain('speaksLanguage');
    const none = scorePair(jp, exhibitor({ languages: ['vi'] }), ctx({ interpreterLanguages: ['fr'] }));
    expect(codes(none)).not.toContain('interpreterAvailable');
  });

  it('no category in common: no category points, products still ranked, export experience counted', () => {
    const r = scorePair(
      buyer({ categories: ['FUR'] }),
      exhibitor({ products: [product({ id: 'a', moq: 50 }), product({ id: 'b', moq: 10 })] }),
      ctx(),
    );
    expect(codes(r)).not.toContain('sameCategories');
    expect(codes(r)).toContain('exportsToCountry');
    expect(r.eligible && r.productIds).toEqual(['b', 'a']);
    expect(codes(scorePair(buyer({ country: 'JP' }), exhibitor(), ctx()))).not.toContain('exportsToCountry');
  });

  it('scores stay within 0–100 and rank a better fit higher', () => {
    const weak = scorePair(
      buyer({ categories: ['FUR'], languages: ['pt'], country: 'BR', certifications: [] }),
      exhibitor({ monthlyCapacity: null }),
      ctx(),
    );
    const strong = scorePair(buyer(), exhibitor(), ctx({ buyerWish: 'must', exhibitorWish: 'must' }));
    expect(weak.eligible && strong.eligible).toBe(true);
    if (!weak.eligible || !strong.eligible) return;
    expect(weak.score).toBeGreaterThanOrEqual(0);
    expect(strong.score).toBeLessThanOrEqual(100);
    expect(strong.score).toBeGreaterThan(weak.score);
  });
});
