import type { Language } from '@craftmatch/shared';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export function intlLocale(language: Language): string {
  return locales[language];
}

export function formatDate(value: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(value));
}

export function formatDateTime(value: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value));
}

/** "3 minutes ago" / "3 phút trước" */
export function formatRelative(value: string | Date, language: Language, now: Date = new Date()): string {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  return formatDate(value, language);
}

export function countryName(code: string | null | undefined, language: Language): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Buyer countries offered first at registration (ISO 3166-1 alpha-2). */
export const COUNTRY_CODES = [
  'US',
  'DE',
  'FR',
  'GB',
  'NL',
  'BE',
  'IT',
  'ES',
  'SE',
  'DK',
  'NO',
  'FI',
  'PL',
  'CH',
  'AT',
  'JP',
  'KR',
  'CN',
  'TW',
  'HK',
  'SG',
  'TH',
  'MY',
  'ID',
  'PH',
  'IN',
  'AE',
  'SA',
  'AU',
  'NZ',
  'CA',
  'MX',
  'BR',
  'ZA',
  'VN',
] as const;
