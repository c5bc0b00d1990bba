import Decimal from 'decimal.js';
import { minorUnits } from './reference/currencies';

/**
 * Exact money. Amounts travel as decimal strings and are computed with decimal.js, never a JS number.
 * Rounding (docs/ARCHITECTURE.md): half-up to the currency's ISO 4217 minor unit for line and
 * contract totals; USD values are total × rate rounded half-up to cents; FX rates carry 8 decimals.
 */

// 80 significant digits hold any product of numeric(18,4) × numeric(20,4) exactly.
const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
type Dec = InstanceType<typeof D>;

/** Column limits, shared by DTO validation and the migration (numeric(precision, scale)). */
export const MONEY_LIMITS = {
  quantity: { precision: 18, scale: 4 },
  unitPrice: { precision: 20, scale: 4 },
  lineTotal: { precision: 24, scale: 4 },
  total: { precision: 24, scale: 4 },
  fxRate: { precision: 20, scale: 8 },
  totalUsd: { precision: 20, scale: 2 },
  depositPercent: { precision: 5, scale: 2 },
  cost: { precision: 20, scale: 4 },
} as const;

export const FX_RATE_SCALE = 8;
export const USD_SCALE = 2;

const DECIMAL_RE = /^(0|[1-9]\d*)(\.\d+)?$/;

/**
 * True when `value` is a plain non-negative decimal string ("12", "0.5", "1200.0000") with at most
 * `scale` decimals and at most `precision - scale` integer digits. No signs, exponents or spaces.
 */
export function isDecimalString(value: unknown, precision: number, scale: number): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  const m = DECIMAL_RE.exec(value);
  if (!m) return false;
  const decimals = m[2] ? m[2].length - 1 : 0;
  if (decimals > scale) return false;
  return m[1].length <= precision - scale;
}

/** Parses a decimal string checked by `isDecimalString`; throws on anything else. */
export function parseDecimal(value: string): Dec {
  if (typeof value !== 'string' || !DECIMAL_RE.test(value))
    throw new Error(`Not a decimal string: ${String(value)}`);
  return new D(value);
}

/** Rounds half-up to `scale` decimals and returns exactly `scale` decimals ("1.50", "1200"). */
export function roundHalfUp(value: string | Dec, scale: number): string {
  const d = typeof value === 'string' ? new D(value) : value;
  return d.toDecimalPlaces(scale, D.ROUND_HALF_UP).toFixed(scale);
}

/** True when a decimal fits numeric(precision, scale) once rounded to that scale. */
export function fitsNumeric(value: string, precision: number, scale: number): boolean {
  const d = new D(value).abs().toDecimalPlaces(scale, D.ROUND_HALF_UP);
  return d.lt(new D(10).pow(precision - scale));
}

/** quantity × unit price, rounded half-up to the currency's minor unit (VND 0, USD 2, KWD 3). */
export function lineTotal(quantity: string, unitPrice: string, currency: string): string {
  return roundHalfUp(parseDecimal(quantity).times(parseDecimal(unitPrice)), minorUnits(currency));
}

export interface MoneyLine {
  quantity: string;
  unitPrice: string;
}

/** The sum of the rounded line totals (already at the minor unit, so the sum needs no rounding). */
export function contractTotal(lines: readonly MoneyLine[], currency: string): string {
  const digits = minorUnits(currency);
  let sum = new D(0);
  for (const line of lines) sum = sum.plus(lineTotal(line.quantity, line.unitPrice, currency));
  return sum.toFixed(digits);
}

/** USD value: total × rate to USD (8 decimals), rounded half-up to cents. */
export function toUsd(total: string, rateToUsd: string): string {
  return roundHalfUp(parseDecimal(total).times(parseDecimal(rateToUsd)), USD_SCALE);
}

/** Adds decimal strings exactly; the result keeps `scale` decimals. */
export function sumDecimals(values: readonly string[], scale: number): string {
  let sum = new D(0);
  for (const v of values) sum = sum.plus(parseDecimal(v));
  return roundHalfUp(sum, scale);
}

/** Compares two decimal strings: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  return new D(a).comparedTo(new D(b));
}
