import {
  MATCH_REASON_CODES,
  type Language,
  type MatchReason,
  type MatchReasonCode,
} from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { reasonText, type ViewerSide } from '../components/reasons';

/** One reason of every code, with the params the server sends. */
const SAMPLES: { [C in MatchReasonCode]: Extract<MatchReason, { code: C }> } = {
  sameCategories: { code: 'sameCategories', params: { categories: ['CER', 'BAS'] } },
  priceInRange: { code: 'priceInRange', params: { count: 3, min: '2.00', max: '25.00', currency: 'EUR' } },
  moqWithinVolume: { code: 'moqWithinVolume', params: { moq: 200, volume: 500, unit: 'pcs' } },
  capacityCoversVolume: {
    code: 'capacityCoversVolume',
    params: { capacity: 12000, volume: 500, unit: 'pcs' },
  },
  certified: { code: 'certified', params: { certifications: ['FSC_COC'] } },
  speaksLanguage: { code: 'speaksLanguage', params: { languages: ['en'] } },
  interpreterAvailable: { code: 'interpreterAvailable', params: { languages: ['ja'] } },
  exportsToCountry: { code: 'exportsToCountry', params: { country: 'DE' } },
  mutualWish: { code: 'mutualWish', params: {} },
};

const render = (reason: MatchReason, side: ViewerSide, lng: Language) =>
  reasonText(i18n.getFixedT(lng), reason, side, lng);

describe('match reasons', () => {
  it.each(
    (['vi', 'en'] as const).flatMap((lng) =>
      (['buyer', 'exhibitor'] as const).flatMap((side) =>
        MATCH_REASON_CODES.map((code) => [lng, side, code] as const),
      ),
    ),
  )('%s, %s viewer: %s renders as a full sentence', (lng, side, code) => {
    expect(i18n.exists(`matchmaking:reasons.${side}.${code}`, { lng, count: 1 })).toBe(true);
    const text = render(SAMPLES[code], side, lng);
    expect(text).not.toMatch(/\{\{|\}\}|matchmaking:|reasons\.|undefined|null/);
    expect(text.trim().length).toBeGreaterThan(8);
  });

  it('names categories, certifications, languages and countries in the reader’s language', () => {
    expect(render(SAMPLES.sameCategories, 'buyer', 'en')).toMatch(
      /^Same categories: Ceramics & porcelain and .+\.$/,
    );
    expect(render(SAMPLES.sameCategories, 'buyer', 'vi')).toMatch(/^Cùng ngành hàng: Gốm sứ và /);
    expect(render(SAMPLES.moqWithinVolume, 'buyer', 'en')).toBe(
      'MOQ 200 ≤ your volume (500 pieces a month).',
    );
    expect(render(SAMPLES.moqWithinVolume, 'exhibitor', 'en')).toBe(
      'Your MOQ 200 ≤ their volume (500 pieces a month).',
    );
    expect(render(SAMPLES.certified, 'buyer', 'en')).toBe('FSC Chain of Custody certified.');
    expect(render(SAMPLES.speaksLanguage, 'buyer', 'en')).toBe('Speaks English.');
    expect(render(SAMPLES.speaksLanguage, 'buyer', 'vi')).toBe('Nói được Tiếng Anh.');
    expect(render(SAMPLES.exportsToCountry, 'exhibitor', 'vi')).toBe('Bạn đã xuất khẩu sang Đức.');
    expect(render(SAMPLES.capacityCoversVolume, 'buyer', 'en')).toBe(
      'Makes 12,000 pieces a month, enough for your volume (500).',
    );
    expect(render(SAMPLES.priceInRange, 'buyer', 'en')).toBe(
      '3 products within your target price (2.00–25.00 EUR).',
    );
    expect(
      render(
        { ...SAMPLES.priceInRange, params: { ...SAMPLES.priceInRange.params, count: 1 } },
        'buyer',
        'en',
      ),
    ).toBe('1 product within your target price (2.00–25.00 EUR).');
  });
});
