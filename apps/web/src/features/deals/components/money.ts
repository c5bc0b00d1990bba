import { minorUnits, type Language } from '@craftmatch/shared';
import { intlLocale } from '../../../lib/format';

type NumericString = `${number}`;

/**
 * "1.250.000 ₫", "US$55,000.00": a decimal string formatted for the viewer's locale. Intl formats the
 * string itself (no JS number in between), so long amounts keep every digit.
 */
export function formatMoney(amount: string, currency: string, language: Language): string {
  const digits = minorUnits(currency);
  try {
    return new Intl.NumberFormat(intlLocale(language), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(digits, 4),
    }).format(amount as NumericString);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A unit price keeps up to 4 decimals ("12.3456"), never fewer than the currency's minor unit. */
export const formatUnitPrice = formatMoney;

export const formatUsd = (amount: string, language: Language) => formatMoney(amount, 'USD', language);

/** A plain decimal string for the locale ("1.234,5" in Vietnamese), for quantities and rates. */
export function formatDecimal(value: string, language: Language, maxDigits = 8): string {
  try {
    return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: maxDigits }).format(
      value as NumericString,
    );
  } catch {
    return value;
  }
}
