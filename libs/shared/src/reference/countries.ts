import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import vi from 'i18n-iso-countries/langs/vi.json';

countries.registerLocale(en);
countries.registerLocale(vi);

export interface CountryInfo {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** ISO 3166-1 alpha-2 countries with Vietnamese and English names. */
export const COUNTRIES: CountryInfo[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => ({
    code,
    nameVi: countries.getName(code, 'vi') ?? code,
    nameEn: countries.getName(code, 'en') ?? code,
  }))
  .sort((a, b) => a.nameEn.localeCompare(b.nameEn));

const codes = new Set(COUNTRIES.map((c) => c.code));
export function isCountry(code: unknown): code is string {
  return typeof code === 'string' && codes.has(code);
}

export function countryName(code: string, lng: string): string {
  return countries.getName(code, lng === 'vi' ? 'vi' : 'en') ?? code;
}
