import { useMemo } from 'react';
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  CERTIFICATIONS,
  COMMON_CURRENCIES,
  COUNTRIES,
  CURRENCIES,
  PROVINCES,
  SPOKEN_LANGUAGES,
  VILLAGES,
  type Language,
} from '@craftmatch/shared';
import { intlLocale } from './format';
import { currentLanguage } from './i18n';

/**
 * Reference data for forms and filters, straight from @craftmatch/shared (no request), named in the
 * UI language. Options are `{ value, label }` for Mantine's Select and MultiSelect.
 */
export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  group: string;
  items: Option[];
}

const byCode = <T extends { code: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.code, r]));
const categories = byCode(CATEGORIES);
const provinces = byCode(PROVINCES);
const villages = byCode(VILLAGES);
const countries = byCode(COUNTRIES);
const certifications = byCode(CERTIFICATIONS);

function sorted(options: Option[], language: Language): Option[] {
  const collator = new Intl.Collator(intlLocale(language));
  return [...options].sort((a, b) => collator.compare(a.label, b.label));
}

export function categoryName(code: string | null | undefined, language: Language): string {
  if (!code) return '';
  const c = categories.get(code);
  return c ? (language === 'vi' ? c.nameVi : c.nameEn) : code;
}

export function provinceName(code: string | null | undefined, language: Language): string {
  if (!code) return '';
  const p = provinces.get(code);
  return p ? (language === 'vi' ? p.nameVi : p.nameEn) : code;
}

/** Vietnamese names keep their diacritics; in English the ASCII spelling reads better abroad. */
export function villageName(code: string | null | undefined, language: Language): string {
  if (!code) return '';
  const v = villages.get(code);
  return v ? (language === 'vi' ? v.nameVi : v.nameAscii) : code;
}

export function villageProvince(code: string | null | undefined): string | null {
  return (code && villages.get(code)?.provinceCode) || null;
}

export function countryLabel(code: string | null | undefined, language: Language): string {
  if (!code) return '';
  const c = countries.get(code.toUpperCase());
  return c ? (language === 'vi' ? c.nameVi : c.nameEn) : code;
}

export function certificationName(code: string | null | undefined): string {
  if (!code) return '';
  return certifications.get(code)?.name ?? code;
}

const displayNames = new Map<string, Intl.DisplayNames>();
function displayName(type: 'language' | 'currency', code: string, language: Language): string | undefined {
  const key = `${type}:${language}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(language)], { type });
    displayNames.set(key, names);
  }
  return names.of(code);
}

export function languageLabel(code: string, language: Language): string {
  try {
    return displayName('language', code, language) ?? code;
  } catch {
    return code;
  }
}

export function currencyLabel(code: string, language: Language): string {
  try {
    const name = displayName('currency', code, language);
    return name && name !== code ? `${code} · ${name}` : code;
  } catch {
    return code;
  }
}

export function categoryOptions(language: Language): Option[] {
  return CATEGORIES.map((c) => ({ value: c.code, label: language === 'vi' ? c.nameVi : c.nameEn }));
}

export function provinceOptions(language: Language): Option[] {
  return sorted(
    PROVINCES.map((p) => ({ value: p.code, label: language === 'vi' ? p.nameVi : p.nameEn })),
    language,
  );
}

/** Villages grouped by their current province. */
export function villageOptions(language: Language): OptionGroup[] {
  const groups = new Map<string, Option[]>();
  for (const v of VILLAGES) {
    const group = provinceName(v.provinceCode, language);
    const items = groups.get(group) ?? [];
    items.push({ value: v.code, label: language === 'vi' ? v.nameVi : v.nameAscii });
    groups.set(group, items);
  }
  return [...groups.entries()].map(([group, items]) => ({ group, items: sorted(items, language) }));
}

export function countryOptions(language: Language): Option[] {
  return sorted(
    COUNTRIES.map((c) => ({ value: c.code, label: language === 'vi' ? c.nameVi : c.nameEn })),
    language,
  );
}

/** Common trade currencies first, then the rest of ISO 4217. */
export function currencyOptions(language: Language): Option[] {
  const common = COMMON_CURRENCIES.map((code) => ({ value: code, label: currencyLabel(code, language) }));
  const rest = CURRENCIES.filter((c) => !COMMON_CURRENCIES.includes(c.code)).map((c) => ({
    value: c.code,
    label: currencyLabel(c.code, language),
  }));
  return [...common, ...rest];
}

export function certificationOptions(): Option[] {
  return CERTIFICATIONS.map((c) => ({ value: c.code, label: c.name }));
}

export function spokenLanguageOptions(language: Language): Option[] {
  return SPOKEN_LANGUAGES.map((code) => ({ value: code, label: languageLabel(code, language) }));
}

/** Lists are built on first use, once per language, and shared by every component. */
function lazy<T>(build: (language: Language) => T): (language: Language) => T {
  const cache = new Map<Language, T>();
  return (language) => {
    let value = cache.get(language);
    if (value === undefined) {
      value = build(language);
      cache.set(language, value);
    }
    return value;
  };
}

const cached = {
  categories: lazy(categoryOptions),
  provinces: lazy(provinceOptions),
  villages: lazy(villageOptions),
  countries: lazy(countryOptions),
  currencies: lazy(currencyOptions),
  languages: lazy(spokenLanguageOptions),
};
const certificationList = certificationOptions();

export interface ReferenceOptions {
  language: Language;
  categories: Option[];
  provinces: Option[];
  villages: OptionGroup[];
  countries: Option[];
  currencies: Option[];
  certifications: Option[];
  languages: Option[];
}

/** Every option list in the current UI language; each list is built when first read. */
export function useReference(): ReferenceOptions {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage);
  return useMemo(
    () => ({
      language,
      get categories() {
        return cached.categories(language);
      },
      get provinces() {
        return cached.provinces(language);
      },
      get villages() {
        return cached.villages(language);
      },
      get countries() {
        return cached.countries(language);
      },
      get currencies() {
        return cached.currencies(language);
      },
      certifications: certificationList,
      get languages() {
        return cached.languages(language);
      },
    }),
    [language],
  );
}

/** Lower case without diacritics: "Bát Tràng" → "bat trang", "Đông Hồ" → "dong ho". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A Select/MultiSelect filter that ignores case and diacritics, so "bat trang" finds "Bát Tràng". */
export const foldedFilter: OptionsFilter = ({ options, search, limit }) => {
  const wanted = foldText(search.trim());
  const matches = (item: ComboboxItem) => foldText(item.label).includes(wanted);
  const result: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (result.length >= limit) break;
    if ('group' in option) {
      const items = option.items.filter(matches);
      if (items.length > 0) result.push({ group: option.group, items });
    } else if (matches(option)) {
      result.push(option);
    }
  }
  return result;
};
