import currencyCodes from 'currency-codes';

export interface CurrencyInfo {
  code: string;
  /** ISO 4217 minor unit: 0 for VND and JPY, 2 for USD, 3 for KWD */
  digits: number;
  name: string;
}

/** ISO 4217 currencies with their minor units, from the currency-codes data set. */
export const CURRENCIES: CurrencyInfo[] = currencyCodes.data
  .filter((c) => /^[A-Z]{3}$/.test(c.code) && !c.code.startsWith('X'))
  .map((c) => ({ code: c.code, digits: c.digits, name: c.currency }))
  .sort((a, b) => a.code.localeCompare(b.code));

const byCode = new Map(CURRENCIES.map((c) => [c.code, c]));

export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && byCode.has(code);
}

/** Decimal places a currency's amounts are rounded to (VND 0, USD 2, KWD 3). */
export function minorUnits(code: string): number {
  const currency = byCode.get(code);
  if (!currency) throw new Error(`Unknown currency ${code}`);
  return currency.digits;
}

/** Currencies offered first in forms. */
export const COMMON_CURRENCIES = ['USD', 'VND', 'EUR', 'JPY', 'GBP', 'AUD', 'KRW', 'CNY'];
