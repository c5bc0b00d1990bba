import type { Language } from '@craftmatch/shared';

/**
 * Money stays a decimal string from the input to the API ("1250000.50"); it never passes through a
 * JavaScript number, which would round large or fractional amounts.
 */
const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  vi: { group: '.', decimal: ',' },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads an amount typed the way the language writes it ("1,250,000.50" in English, "1.250.000,50" in
 * Vietnamese; group separators optional but, when used, in groups of three). Answers the canonical
 * decimal string ("1250000.50"), '' for an empty input, or null when it cannot be read without guessing.
 */
export function parseAmount(input: string, language: Language): string | null {
  const text = input.replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return '';
  const { group, decimal } = SEPARATORS[language];
  const g = escape(group);
  const d = escape(decimal);
  const pattern = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d{1,2}))?$`);
  const match = pattern.exec(text);
  if (!match) return null;
  const whole = match[1]
    .split(group)
    .join('')
    .replace(/^0+(?=\d)/, '');
  return match[2] !== undefined ? `${whole}.${match[2]}` : whole;
}

/** The canonical decimal string written the language's way: "1250000.5" → "1,250,000.5" / "1.250.000,5". */
export function formatAmount(value: string | null | undefined, language: Language): string {
  if (!value) return '';
  const [whole, fraction] = value.split('.');
  const { group, decimal } = SEPARATORS[language];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction !== undefined ? `${grouped}${decimal}${fraction}` : grouped;
}

/** Compares two canonical non-negative decimal strings without converting them to numbers. */
export function compareAmounts(a: string, b: string): number {
  const [aw, af = ''] = a.split('.');
  const [bw, bf = ''] = b.split('.');
  const wa = aw.replace(/^0+/, '');
  const wb = bw.replace(/^0+/, '');
  if (wa.length !== wb.length) return wa.length < wb.length ? -1 : 1;
  if (wa !== wb) return wa < wb ? -1 : 1;
  const fa = af.padEnd(2, '0');
  const fb = bf.padEnd(2, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}
