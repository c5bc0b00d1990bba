import { minorUnits, PRICE_PATTERN, type Language } from '@craftmatch/shared';
import { intlLocale } from '../../../lib/format';

/**
 * A decimal string in its currency, per locale: `US$12.50`, `1.250.000 ₫`. The string goes to Intl
 * as is (Intl accepts decimal strings), so no float ever stands in for the amount.
 */
export function formatMoney(amount: string, currency: string, language: Language): string {
  const minor = minorUnits(currency);
  const decimals = amount.includes('.') ? amount.split('.')[1].replace(/0+$/, '').length : 0;
  try {
    return new Intl.NumberFormat(intlLocale(language), {
      style: 'currency',
      currency,
      minimumFractionDigits: minor,
      maximumFractionDigits: Math.max(minor, Math.min(decimals, 4)),
    }).format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "US$12.50 – US$18", or one figure when only one end (or both the same) is known. */
export function formatPriceRange(
  min: string | null,
  max: string | null,
  currency: string | null,
  language: Language,
): string | null {
  if (!currency || (min === null && max === null)) return null;
  if (min !== null && max !== null && min !== max) {
    return `${formatMoney(min, currency, language)} – ${formatMoney(max, currency, language)}`;
  }
  return formatMoney((min ?? max) as string, currency, language);
}

/** Normalises what a person typed ("12,50" → "12.50"); null when it is not a price. */
export function parsePrice(input: string): string | null {
  const value = input.trim().replace(',', '.');
  return PRICE_PATTERN.test(value) ? value : null;
}

/** Exact comparison of two decimal strings. */
export function compareDecimals(a: string, b: string): number {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const x = ai.replace(/^0+(?=\d)/, '');
  const y = bi.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  if (x !== y) return x < y ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const p = af.padEnd(width, '0');
  const q = bf.padEnd(width, '0');
  return p === q ? 0 : p < q ? -1 : 1;
}
