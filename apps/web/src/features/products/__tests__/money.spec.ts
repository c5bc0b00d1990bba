import { compareDecimals, formatMoney, formatPriceRange, parsePrice } from '../components/money';
import { initialValues, toRequest } from '../components/ProductForm';

describe('product prices', () => {
  it('formats per locale and currency: VND without decimals, USD with cents', () => {
    expect(formatMoney('1250000', 'VND', 'vi').replace(/\s/g, ' ')).toBe('1.250.000 ₫');
    expect(formatMoney('55000', 'USD', 'en')).toBe('US$55,000.00');
    expect(formatMoney('0.1234', 'USD', 'en')).toBe('US$0.1234');
    expect(formatPriceRange('12.5', '18', 'USD', 'en')).toBe('US$12.50 – US$18.00');
    expect(formatPriceRange(null, null, 'USD', 'en')).toBeNull();
  });

  it('accepts a decimal comma, refuses more than 4 decimals, and compares exactly', () => {
    expect(parsePrice(' 12,50 ')).toBe('12.50');
    expect(parsePrice('12.12345')).toBeNull();
    expect(parsePrice('1e3')).toBeNull();
    expect(compareDecimals('0.1', '0.10')).toBe(0);
    expect(compareDecimals('19.9999', '20')).toBe(-1);
  });

  it('sends prices as strings, and no currency without a price', () => {
    const values = {
      ...initialValues(),
      nameVi: ' Giỏ mây ',
      nameEn: 'Rattan basket',
      categoryCode: 'BAS',
      priceMin: '0,1',
      priceMax: '0.2',
      moq: 100,
      hsCode: '4602.12',
    };
    expect(toRequest(values)).toMatchObject({
      nameVi: 'Giỏ mây',
      priceMin: '0.1',
      priceMax: '0.2',
      currency: 'USD',
      moq: 100,
      hsCode: '4602.12',
      leadTimeDays: null,
    });
    expect(toRequest({ ...values, priceMin: '', priceMax: '' })).toMatchObject({
      priceMin: null,
      priceMax: null,
      currency: null,
    });
  });
});
