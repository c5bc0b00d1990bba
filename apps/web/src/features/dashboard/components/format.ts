import type { Language } from '@craftmatch/shared';
import { intlLocale } from '../../../lib/format';

/**
 * Intl.NumberFormat formats a decimal string exactly (ECMA-402 v3): money never becomes a JS number.
 * TypeScript's lib types the argument as number, hence the cast of the type only.
 */
const asNumeric = (value: string) => value as unknown as number;

/** "US$20,412,337" (en) / "20.412.337 US$" (vi); whole dollars for the dashboard's big figures. */
export function formatUsd(value: string, language: Language, { cents = false } = {}): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'symbol',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  }).format(asNumeric(value));
}

/** "US$20M" for chart axes. */
export function formatUsdCompact(value: string | number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(typeof value === 'number' ? value : asNumeric(value));
}

export function formatCount(value: number | string, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language)).format(
    typeof value === 'number' ? value : asNumeric(value),
  );
}

/** "0.4213" → "42.1%" (a ratio, never money). */
export function formatRatio(value: string | null, language: Language): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    asNumeric(value),
  );
}

/** a / b as a display ratio for counts, or null when b is 0 */
export function countRatio(a: number, b: number): string | null {
  return b > 0 ? String(a / b) : null;
}

/** "27 Nov 2026" for a YYYY-MM-DD day (noon UTC, so no zone moves it to another day). */
export function formatDay(day: string, language: Language, opts: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
    ...opts,
  }).format(new Date(`${day}T12:00:00Z`));
}
