import { compareDecimal, decimalOut, isPositiveDecimal } from './decimals';

describe('decimal strings', () => {
  it('compares exactly, whatever the padding', () => {
    expect(compareDecimal('0.1', '0.2')).toBe(-1);
    expect(compareDecimal('12.50', '12.5')).toBe(0);
    expect(compareDecimal('100', '99.9999')).toBe(1);
    expect(compareDecimal('007.10', '7.1000')).toBe(0);
    expect(compareDecimal('0.3', '0.30000001')).toBe(-1);
  });

  it('tells zero from positive values', () => {
    expect(isPositiveDecimal('0.00')).toBe(false);
    expect(isPositiveDecimal('0.01')).toBe(true);
  });

  it('drops the padding PostgreSQL adds', () => {
    expect(decimalOut('12.5000')).toBe('12.5');
    expect(decimalOut('12.0000')).toBe('12');
    expect(decimalOut('0.1000')).toBe('0.1');
    expect(decimalOut(null)).toBeNull();
  });
});
