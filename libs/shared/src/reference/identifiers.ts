/** Vietnamese tax codes (MST) and HS codes (REFERENCE.md §5). */

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export type TaxCodeKind = 'enterprise' | 'branch' | 'household';

export interface TaxCodeResult {
  valid: boolean;
  /** digits only, separators stripped; a branch keeps its 3-digit suffix (13 digits) */
  normalized: string;
  kind?: TaxCodeKind;
}

function enterpriseCheckDigitOk(ten: string): boolean {
  const d = ten.split('').map(Number);
  if (ten.slice(2, 9) === '0000000') return false;
  const sum = MST_WEIGHTS.reduce((acc, w, i) => acc + d[i] * w, 0);
  const check = 10 - (sum % 11);
  // sum mod 11 = 0 gives 10, which no digit matches: such a number is invalid
  return check < 10 && check === d[9];
}

/**
 * Validates an MST: 10 digits with the check digit, 13 for a branch (10 + 3-digit suffix, not 000),
 * or 12 for an individual or household business (citizen ID). Spaces, dots and dashes are ignored.
 */
export function validateTaxCode(input: unknown): TaxCodeResult {
  if (typeof input !== 'string') return { valid: false, normalized: '' };
  const normalized = input.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(normalized)) return { valid: false, normalized };
  if (normalized.length === 10)
    return { valid: enterpriseCheckDigitOk(normalized), normalized, kind: 'enterprise' };
  if (normalized.length === 13) {
    const ok = enterpriseCheckDigitOk(normalized.slice(0, 10)) && normalized.slice(10) !== '000';
    return { valid: ok, normalized, kind: 'branch' };
  }
  if (normalized.length === 12) return { valid: true, normalized, kind: 'household' };
  return { valid: false, normalized };
}

/** Formats a stored tax code for display: `0314409058-002` for a branch. */
export function formatTaxCode(normalized: string): string {
  return normalized.length === 13 ? `${normalized.slice(0, 10)}-${normalized.slice(10)}` : normalized;
}

/** HS code: 4, 6 or 8 digits, dots allowed (`3307.41` → `330741`); null when malformed. */
export function normalizeHsCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const digits = input.replace(/[\s.]/g, '');
  return /^\d{4}(\d{2}){0,2}$/.test(digits) ? digits : null;
}

/** Display form of a stored HS code: `6912.00.00`. */
export function formatHsCode(digits: string): string {
  return digits.replace(/^(\d{4})(\d{2})?(\d{2})?$/, (_m, a: string, b?: string, c?: string) =>
    [a, b, c].filter(Boolean).join('.'),
  );
}
