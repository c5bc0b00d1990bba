import { formatMoney, formatPriceRange, localized } from '../components/format';

const clean = (s: string | null) => s?.replace(/\s/g, ' ');

describe('catalogue formatting', () => {
  it('formats money per locale and currency, VND without decimals', () => {
    expect(clean(formatMoney('1250000', 'VND', 'vi'))).toBe('1.250.000 ₫');
    expect(formatMoney('55000', 'USD', 'en')).toBe('$55,000.00');
    expect(clean(formatMoney('12.5', 'EUR', 'fr'))).toBe('12,50 €');
  });

  it('formats a price range, or one amount', () => {
    expect(formatPriceRange('2', '5.5', 'USD', 'en')).toBe('$2.00 – $5.50');
    expect(formatPriceRange('3', null, 'USD', 'en')).toBe('$3.00');
    expect(formatPriceRange(null, null, null, 'en')).toBeNull();
  });

  it('shows Vietnamese names to Vietnamese readers and English to everyone else', () => {
    const p = { nameVi: 'Giỏ mây', nameEn: 'Rattan basket' };
    expect(localized(p, 'vi')).toBe('Giỏ mây');
    expect(localized(p, 'ja')).toBe('Rattan basket');
  });
});
