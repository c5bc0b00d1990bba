import { minorUnits, type PublicLanguage } from '@craftmatch/shared';

/** Intl locale of each public language. */
const LOCALES: Record<PublicLanguage, string> = {
  vi: 'vi-VN',
  en: 'en-US',
  ja: 'ja-JP',
  ko: 'ko-KR',
  zh: 'zh-CN',
  fr: 'fr-FR',
};

export const intlLocale = (lng: PublicLanguage) => LOCALES[lng];

/**
 * Formats a decimal string in its currency without going through a float's rounding surprises
 * for the digits shown: VND has no minor unit, USD two, and so on.
 */
export function formatMoney(amount: string, currency: string, lng: PublicLanguage): string {
  const digits = minorUnits(currency);
  const formatter = new Intl.NumberFormat(LOCALES[lng], {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl accepts a decimal string exactly (no float conversion) in current engines.
  return formatter.format(amount as unknown as number);
}

/** "US$2.00 – US$5.00", or one amount when only one end is known or both are equal. */
export function formatPriceRange(
  min: string | null,
  max: string | null,
  currency: string | null,
  lng: PublicLanguage,
): string | null {
  if (!currency || (min === null && max === null)) return null;
  if (min !== null && max !== null && Number(min) !== Number(max)) {
    const formatter = new Intl.NumberFormat(LOCALES[lng], {
      style: 'currency',
      currency,
      minimumFractionDigits: minorUnits(currency),
      maximumFractionDigits: minorUnits(currency),
    });
    return formatter.formatRange(min as unknown as number, max as unknown as number);
  }
  return formatMoney((min ?? max) as string, currency, lng);
}

export function formatNumber(value: number, lng: PublicLanguage): string {
  return new Intl.NumberFormat(LOCALES[lng]).format(value);
}

export function formatDate(iso: string, lng: PublicLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[lng], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/** Product texts exist in vi and en only: Vietnamese readers get vi, everyone else en. */
export function localized<T extends { nameVi: string; nameEn: string }>(
  item: T,
  lng: PublicLanguage,
): string {
  return lng === 'vi' ? item.nameVi : item.nameEn;
}
