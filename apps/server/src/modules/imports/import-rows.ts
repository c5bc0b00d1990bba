import {
  CATEGORIES,
  COUNTRIES,
  IMPORT_COLUMNS,
  LEGACY_PROVINCES,
  PROVINCES,
  VILLAGES,
  validateTaxCode,
  type ImportKind,
  type ImportRejectReason,
} from '@craftmatch/shared';
import { headerKey } from './import-file';

export interface Rejection {
  reason: ImportRejectReason;
  column: string;
}

export interface ExhibitorRow {
  companyName: string;
  taxCode: string;
  provinceCode: string;
  categoryCode: string;
  contactName: string;
  contactEmail: string;
  legalName: string | null;
  villageCode: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
}

export interface BuyerRow {
  companyName: string;
  country: string;
  contactName: string;
  contactEmail: string;
  categories: string[];
  website: string | null;
}

const MAX_LENGTH: Record<string, number> = {
  companyName: 200,
  legalName: 300,
  contactName: 200,
  contactEmail: 254,
  phone: 32,
  address: 1000,
  website: 300,
};

/** Looks a reference value up by its code or any of its names (accents and case ignored). */
function lookup<T>(items: readonly T[], names: (item: T) => string[], result: (item: T) => string) {
  const map = new Map<string, string>();
  for (const item of items) for (const n of names(item)) map.set(headerKey(n), result(item));
  return (value: string): string | undefined => map.get(headerKey(value));
}

const province = lookup(
  [
    ...PROVINCES.map((p) => ({ names: [p.code, p.nameVi, p.nameEn], code: p.code })),
    // a legacy province (before 1 Jul 2025) maps to today's
    ...LEGACY_PROVINCES.map((p) => ({ names: [p.nameVi, p.nameAscii], code: p.provinceCode })),
  ],
  (p) => p.names,
  (p) => p.code,
);
const category = lookup(
  CATEGORIES,
  (c) => [c.code, c.nameVi, c.nameEn],
  (c) => c.code,
);
const village = lookup(
  VILLAGES,
  (v) => [v.code, v.nameVi, v.nameAscii],
  (v) => v.code,
);
const country = lookup(
  COUNTRIES,
  (c) => [c.code, c.nameVi, c.nameEn],
  (c) => c.code,
);

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[A-Za-z]{2,}$/;
const optional = (value: string): string | null => (value === '' ? null : value);

/**
 * A spreadsheet that took a tax code for a number dropped its leading zero (0314409058 → 314409058).
 * No valid MST has 9 or 11 digits, so putting the zero back only repairs.
 */
function taxCodeText(value: string): string {
  return /^\d{9}$|^\d{11}$/.test(value) ? `0${value}` : value;
}

/** Checks one row; the first problem, in column order, is its rejection. */
export function checkRow(
  kind: ImportKind,
  raw: Record<string, string>,
): { ok: true; row: ExhibitorRow | BuyerRow } | { ok: false; rejection: Rejection } {
  const data = raw.taxCode ? { ...raw, taxCode: taxCodeText(raw.taxCode) } : raw;
  const reject = (reason: ImportRejectReason, column: string) => ({
    ok: false as const,
    rejection: { reason, column },
  });
  for (const { key, required } of IMPORT_COLUMNS[kind]) {
    const value = data[key] ?? '';
    if (required && value === '') return reject('required', key);
    if (MAX_LENGTH[key] && value.length > MAX_LENGTH[key]) return reject('tooLong', key);
    if (value === '') continue;
    switch (key) {
      case 'taxCode':
        if (!validateTaxCode(value).valid) return reject('invalidTaxCode', key);
        break;
      case 'contactEmail':
        if (!EMAIL.test(value)) return reject('invalidEmail', key);
        break;
      case 'province':
        if (!province(value)) return reject('unknownProvince', key);
        break;
      case 'category':
        if (!category(value)) return reject('unknownCategory', key);
        break;
      case 'categories':
        if (splitList(value).some((c) => !category(c))) return reject('unknownCategory', key);
        break;
      case 'village':
        if (!village(value)) return reject('unknownVillage', key);
        break;
      case 'country':
        if (!country(value)) return reject('unknownCountry', key);
        break;
    }
  }
  const contactEmail = data.contactEmail.toLowerCase();
  if (kind === 'exhibitor') {
    return {
      ok: true,
      row: {
        companyName: data.companyName,
        taxCode: validateTaxCode(data.taxCode).normalized,
        provinceCode: province(data.province)!,
        categoryCode: category(data.category)!,
        contactName: data.contactName,
        contactEmail,
        legalName: optional(data.legalName),
        villageCode: data.village ? village(data.village)! : null,
        phone: optional(data.phone),
        address: optional(data.address),
        website: optional(data.website),
      },
    };
  }
  return {
    ok: true,
    row: {
      companyName: data.companyName,
      country: country(data.country)!,
      contactName: data.contactName,
      contactEmail,
      categories: [...new Set(splitList(data.categories ?? '').map((c) => category(c)!))].sort(),
      website: optional(data.website),
    },
  };
}

function splitList(value: string): string[] {
  return value
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
